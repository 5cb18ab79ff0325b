/**
 * y-websocket's types name the browser's CloseEvent (the `connection-close` event, the
 * `shouldReconnect` option). The server layer compiles without the DOM and Node 20 has no global
 * CloseEvent, so this gives that name the shape of the close event the `ws` client delivers.
 */
interface CloseEvent extends Event {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
}
