import { setStrictMessages } from '../../src-shared/i18n';

// Every test runs with strict messages: a msg() whose parameters differ from its template's throws.
setStrictMessages(true);
