// A short two-tone chime made with Web Audio: no downloaded sound file.
export function playChime(): void {
  const AudioCtx =
    typeof window === "undefined"
      ? undefined
      : (window.AudioContext ??
        (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  if (typeof window !== "undefined") {
    // Lets tests (and curious developers) see that a chime was asked for.
    const w = window as unknown as { __yomikaiChimes?: number };
    w.__yomikaiChimes = (w.__yomikaiChimes ?? 0) + 1;
  }
  if (!AudioCtx) return;
  try {
    const ctx = new AudioCtx();
    const start = ctx.currentTime;
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = freq;
      const t = start + i * 0.25;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.65);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // Audio is a courtesy; the visible and title changes carry the message.
  }
}
