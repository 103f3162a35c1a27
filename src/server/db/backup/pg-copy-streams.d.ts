// Types for pg-copy-streams (the package ships none): the two query streams that Vinh Danh uses.
declare module 'pg-copy-streams' {
  import type { Readable, ReadableOptions, Writable, WritableOptions } from 'node:stream';
  import type { Submittable } from 'pg';

  export interface CopyToStream extends Readable, Submittable {
    /** Rows sent by the server, known once the stream has ended. */
    rowCount: number;
  }
  export interface CopyFromStream extends Writable, Submittable {
    /** Rows accepted by the server, known once the stream has finished. */
    rowCount: number;
  }
  export function to(text: string, options?: ReadableOptions): CopyToStream;
  export function from(text: string, options?: WritableOptions): CopyFromStream;
}
