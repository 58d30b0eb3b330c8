/** What a connection's backlog is measured against: the bytes the socket has not yet written. */
export interface BufferedSocket {
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
}

/** A subscriber that falls this far behind is cut off, so one slow client cannot grow the server's memory. */
export const MAX_BACKLOG_BYTES = 1024 * 1024;
/** "Try again later" (RFC 6455): the client may reconnect, and re-reads what it missed. */
export const BACKLOG_CLOSE_CODE = 1013;

/**
 * The events of one connection that wait to be sent: queued by its subscriptions, plus what the
 * socket holds unwritten. Past MAX_BACKLOG_BYTES the socket is closed with 1013 and every queue
 * is dropped; nothing more is taken in.
 */
export class Backlog {
  private queued = 0;
  private overflowed = false;

  constructor(
    private readonly socket: BufferedSocket,
    private readonly limit = MAX_BACKLOG_BYTES,
  ) {}

  /** False when the event must be dropped (the connection is being closed for falling behind). */
  add(size: number): boolean {
    if (this.overflowed) return false;
    this.queued += size;
    if (this.queued + this.socket.bufferedAmount <= this.limit) return true;
    this.overflowed = true;
    this.socket.close(BACKLOG_CLOSE_CODE, 'Try again later: the subscriber fell too far behind');
    return false;
  }

  remove(size: number): void {
    this.queued -= size;
  }

  /** Nothing waits any more: what draining at shutdown waits for. */
  get drained(): boolean {
    return this.overflowed || (this.queued === 0 && this.socket.bufferedAmount === 0);
  }
}
