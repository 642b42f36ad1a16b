/** What the extension and the page view's webview say to each other. */
import type { SetPage } from '../../server/src/protocol';

/** Page and type measurements in twips, from the export's layout. */
export interface PageGeometry {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Page bottom to the bottom of the page-number line. */
  footer: number;
  /** Body tracking. */
  tracking: number;
  sizes: { title: number; body: number; small: number; pageNumber: number };
}

export type PageViewMessage =
  | { type: 'pages'; version: number; pages: SetPage[]; characters: number; minutes: number; geometry: PageGeometry }
  | { type: 'reveal'; offset: number };

export type PageViewReply =
  | { type: 'ready' }
  | { type: 'rendered'; version: number; pages: number }
  | { type: 'open'; offset: number };
