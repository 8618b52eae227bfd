// Test helper: an RTSP server that answers the handshake for a video track in a codec nobody can decode.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

const SDP = [
  'v=0',
  'o=- 0 0 IN IP4 127.0.0.1',
  's=unsupported camera',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=video 0 RTP/AVP 96',
  'a=rtpmap:96 X-PROPRIETARY/90000',
  'a=control:track1',
  '',
].join('\r\n');

export async function startUnsupportedCodecCamera(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const request = pending.slice(0, end);
        pending = pending.slice(end + 4);
        const cseq = /CSeq: *(\d+)/i.exec(request)?.[1] ?? '1';
        const method = request.split(' ')[0];
        if (method === 'DESCRIBE') {
          socket.write(`RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nContent-Type: application/sdp\r\nContent-Length: ${SDP.length}\r\n\r\n${SDP}`);
        } else if (method === 'SETUP') {
          socket.write(`RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nSession: 1\r\n\r\n`);
        } else {
          socket.write(`RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\nSession: 1\r\n\r\n`);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `rtsp://127.0.0.1:${port}/camera`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
