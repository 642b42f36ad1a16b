/**
 * micromark moves events with an edit map that copies every event before the first edit and pushes them
 * all back: once per setext underline and once per list or quote closed after a paragraph, so drafts of
 * those shapes took time growing with the square of their length (52,000 characters of 标题/--- took
 * seconds). The same edits, with the events before the first one left where they are: linear.
 */
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';

type Change = [at: number, remove: number, add: Event[]];

EditMap.prototype.consume = function consume(this: { map: Change[]; index: Map<number, Change> }, events: Event[]): undefined {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const pieces: Event[][] = [];
  for (let index = this.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = this.map[index];
    pieces.push(events.slice(at + remove), add);
    events.length = at;
  }
  for (let piece = pieces.pop(); piece; piece = pieces.pop()) for (const event of piece) events.push(event);
  this.map.length = 0;
  this.index.clear();
};
