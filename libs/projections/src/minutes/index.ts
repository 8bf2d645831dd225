export { minutesMarkdown } from './minutes-markdown';
export { minutesHtml } from './minutes-html';
export { escapeHtml, escapeMarkdown } from './escape';
export type { MinutesCooperative } from './minutes-model';
export type { Lang as MinutesLang } from './minutes-labels';
