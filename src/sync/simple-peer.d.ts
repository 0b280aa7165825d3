declare module 'simple-peer/simplepeer.min.js' {
  const Peer: unknown;
  export default Peer;
}
