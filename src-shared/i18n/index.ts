export { LANGUAGES, FALLBACK_LANGUAGE } from './languages';
export type { Language } from './languages';
export { msg, messageCode, isMessage, isMessageCode, message, setStrictMessages } from './message';
export type { Message, MessageCode, MessageParam, MessageParams } from './message';
export { renderMessage } from './render';
export { MessageError, errorText, userMessageOf } from './message-error';
export { issueMessage, issueMessages } from './issues';
