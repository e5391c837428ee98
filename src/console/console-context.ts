import type { AppDeps } from '../intake/build-app.js';
import type { PageContext } from './layout.js';
import type { OperatorTools } from './operator-tools.js';

/** What a console page handler gets: the gateway's parts, the tools and who is asking. */
export interface ConsoleContext {
  readonly deps: AppDeps;
  readonly tools: OperatorTools;
  readonly page: PageContext;
  /** The request id, used as correlationId for anything the page queues. */
  readonly requestId: string;
}

/** A page's answer: HTML, or a redirect after a POST (post/redirect/get). */
export type PageResult =
  | { readonly kind: 'html'; readonly status: number; readonly html: string }
  | { readonly kind: 'redirect'; readonly location: string };

export const page = (html: string, status = 200): PageResult => ({ kind: 'html', status, html });
export const redirect = (location: string): PageResult => ({ kind: 'redirect', location });
