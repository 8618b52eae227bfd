#!/usr/bin/python3
"""Simulated CCTV cameras: serves every video in a folder as an endlessly looping RTSP stream."""

# Why this design:
# - Each video is transcoded once by ffmpeg into a cached H.264 file (baseline, yuv420p, no B-frames,
#   an IDR every ~1 s) so every source format (the .avi is MS-MPEG4v3, which has no RTP payloader)
#   becomes payloadable and readers can join mid-stream within a second.
# - The encoded access units are loaded once into memory and pushed into a shared media through an
#   appsrc, with timestamps that keep increasing across the loop point: readers see one continuous
#   stream (no EOS, no reconnect) and nothing is decoded or re-encoded at serve time, so CPU stays low
#   however many readers there are.

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

VIDEO_EXTENSIONS = {".mp4", ".avi", ".mkv", ".mov"}
# Bump when the encoding settings change so stale cache files are not reused.
CACHE_VERSION = "v1"
REQUIRED_ELEMENTS = ["appsrc", "appsink", "qtdemux", "h264parse", "rtph264pay"]


def log(message: str) -> None:
    print(f"[rtsp-sim] {message}", flush=True)


@dataclass
class Clip:
    mount: str
    source: Path
    caps: Gst.Caps
    buffers: list  # Gst.Buffer access units, timestamps relative to the clip start
    frame_duration: int
    loop_duration: int


def shallow_copy(buf: Gst.Buffer) -> Gst.Buffer:
    # Buffer.copy() in PyGObject is the boxed copy, i.e. a new reference to the same buffer;
    # copy_region gives a new buffer (own timestamps) that shares the encoded memory.
    flags = Gst.BufferCopyFlags
    return buf.copy_region(flags.FLAGS | flags.TIMESTAMPS | flags.META | flags.MEMORY, 0, buf.get_size())


def probe_fps(source: Path) -> tuple:
    """Returns (fps, rate as ffmpeg accepts it); the rational keeps 30000/1001 exact."""
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=avg_frame_rate,r_frame_rate",
         "-of", "default=noprint_wrappers=1:nokey=1", str(source)],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    for rate in out:
        num, _, den = rate.partition("/")
        try:
            fps = float(num) / float(den or 1)
        except (ValueError, ZeroDivisionError):
            continue
        if 1 <= fps <= 120:
            return fps, rate
    return 25.0, "25"


def transcode(source: Path, cache_dir: Path) -> Path:
    """Returns a cached H.264 copy of source, encoding it only when the cache is missing or older."""
    target = cache_dir / f"{source.stem}.{CACHE_VERSION}.mp4"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        log(f"cache hit {target}")
        return target
    fps, rate = probe_fps(source)
    gop = max(1, round(fps))
    log(f"transcoding {source.name} ({fps:g} fps) -> {target}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Written to a temp name then renamed, so an interrupted run never leaves a truncated cache file.
    fd, tmp = tempfile.mkstemp(prefix=f".{source.stem}.", suffix=".mp4", dir=cache_dir)
    os.close(fd)
    try:
        subprocess.run(
            ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source),
             "-map", "0:v:0", "-an", "-sn", "-dn",
             "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
             "-crf", "23", "-maxrate", "3M", "-bufsize", "6M",
             "-g", str(gop), "-keyint_min", str(gop), "-sc_threshold", "0", "-bf", "0",
             "-fps_mode", "cfr", "-r", rate, "-threads", "2",
             "-movflags", "+faststart", tmp],
            check=True,
        )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def load_access_units(mount: str, source: Path, cached: Path) -> Clip:
    """Demuxes the cached file once; every IDR carries SPS/PPS in-band so a joining reader can decode."""
    pipeline = Gst.parse_launch(
        "filesrc name=file ! qtdemux ! h264parse config-interval=-1 ! "
        "video/x-h264,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false"
    )
    pipeline.get_by_name("file").set_property("location", str(cached))
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    buffers, caps = [], None
    while True:
        # try-pull with a timeout: after a demux error no EOS comes, and a plain pull would block forever.
        sample = sink.emit("try-pull-sample", 10 * Gst.SECOND)
        if sample is None:
            break
        caps = caps or sample.get_caps()
        buffers.append(sample.get_buffer())
    reached_eos = sink.get_property("eos")
    bus_error = pipeline.get_bus().pop_filtered(Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    if bus_error is not None:
        err, _ = bus_error.parse_error()
        raise RuntimeError(f"{cached}: {err.message}")
    if not reached_eos:
        raise RuntimeError(f"{cached}: reading stalled")
    if not buffers or caps is None:
        raise RuntimeError(f"{cached}: no video frames")

    start = buffers[0].pts
    stamps = [b.pts - start for b in buffers]
    frame_duration = buffers[0].duration
    if frame_duration == Gst.CLOCK_TIME_NONE or frame_duration <= 0:
        frame_duration = (stamps[-1] // (len(stamps) - 1)) if len(stamps) > 1 else Gst.SECOND // 25
    units = []
    for buf, pts in zip(buffers, stamps):
        unit = shallow_copy(buf)
        unit.pts = pts
        unit.dts = pts  # no B-frames: decode order is presentation order
        unit.duration = frame_duration
        units.append(unit)
    loop_duration = stamps[-1] + frame_duration
    size = sum(b.get_size() for b in units)
    log(f"{mount}: {len(units)} frames, {loop_duration / Gst.SECOND:.2f} s per loop, {size / 1e6:.1f} MB")
    return Clip(mount, source, caps, units, frame_duration, loop_duration)


class LoopingFactory(GstRtspServer.RTSPMediaFactory):
    """One shared media per mount; its appsrc is fed the clip's access units round and round."""

    def __init__(self, clip: Clip):
        super().__init__()
        self.clip = clip
        self.set_shared(True)
        self.set_launch(
            "( appsrc name=src is-live=false format=time stream-type=stream "
            "! h264parse ! rtph264pay name=pay0 pt=96 config-interval=-1 )"
        )
        self.connect("media-configure", self._on_media_configure)

    def _on_media_configure(self, _factory, media):
        appsrc = media.get_element().get_by_name_recurse_up("src")
        appsrc.set_property("caps", self.clip.caps)
        state = {"index": 0, "offset": 0}
        appsrc.connect("need-data", self._on_need_data, state)
        log(f"{self.clip.mount}: media started")

    def _on_need_data(self, appsrc, _length, state):
        # Called from the streaming thread; the sinks sync to the clock, so pushing on demand plays at real time.
        clip = self.clip
        unit = shallow_copy(clip.buffers[state["index"]])
        unit.pts = unit.pts + state["offset"]
        unit.dts = unit.pts
        state["index"] += 1
        if state["index"] == len(clip.buffers):
            state["index"] = 0
            state["offset"] += clip.loop_duration
        appsrc.emit("push-buffer", unit)


def find_videos(media_dir: Path) -> list:
    return sorted(p for p in media_dir.iterdir() if p.is_file() and p.suffix.lower() in VIDEO_EXTENSIONS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("RTSP_PORT", "8554")))
    parser.add_argument("--address", default="127.0.0.1")
    default_data = os.environ.get("TOC_DATA_DIR", str(Path(__file__).resolve().parents[2] / ".data"))
    default_shared = os.environ.get("SHARED_DIR", str(Path(__file__).resolve().parents[3] / "shared"))
    parser.add_argument("--media-dir", default=os.environ.get("MEDIA_DIR", str(Path(default_shared) / "media")))
    parser.add_argument("--cache-dir", default=str(Path(default_data) / "rtsp-cache"))
    args = parser.parse_args()

    Gst.init(None)
    missing = [name for name in REQUIRED_ELEMENTS if Gst.ElementFactory.find(name) is None]
    if missing:
        log(f"missing GStreamer elements: {', '.join(missing)} (install gstreamer1.0-plugins-base/good/bad)")
        return 2

    media_dir = Path(args.media_dir)
    if not media_dir.is_dir():
        log(f"MEDIA_DIR {media_dir} is not a directory")
        return 2
    videos = find_videos(media_dir)
    if not videos:
        log(f"no videos ({', '.join(sorted(VIDEO_EXTENSIONS))}) in {media_dir}")
        return 2

    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    served = []
    for video in videos:
        mount = video.stem
        try:
            clip = load_access_units(mount, video, transcode(video, Path(args.cache_dir)))
        except (subprocess.CalledProcessError, RuntimeError, OSError) as error:
            # One unreadable file must not take the other cameras down.
            log(f"skipping {video.name}: {error}")
            continue
        mounts.add_factory(f"/{mount}", LoopingFactory(clip))
        served.append(mount)
    if not served:
        log("no video could be prepared")
        return 2

    if server.attach(None) == 0:
        log(f"cannot listen on {args.address}:{args.port}")
        return 3
    for mount in served:
        log(f"serving rtsp://{args.address}:{args.port}/{mount}")
    log("ready")

    loop = GLib.MainLoop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
    loop.run()
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
