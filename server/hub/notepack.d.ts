// notepack.io (MessagePack, the socket.io Redis adapter's own encoding) ships no types.
declare module "notepack.io" {
  const notepack: { encode(value: unknown): Buffer; decode(bytes: Buffer): unknown };
  export default notepack;
}
