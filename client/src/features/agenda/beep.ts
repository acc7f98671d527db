/**
 * The stage-end sound: two short, soft tones made with WebAudio, so no audio file ships. Browsers let a page play
 * sound only after the person has interacted with it; a facilitator has clicked by the time a stage ends, and a
 * participant turns the sound on with a click, which {@link unlockSound} uses to unlock it.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  if (context.state === 'suspended') void context.resume();
  return context;
}

/** Call from a click handler: makes later sounds allowed. */
export function unlockSound(): void {
  audio();
}

/** Plays the cue; silently nothing where sound is unavailable or not yet allowed. */
export function playStageEndSound(): void {
  const ctx = audio();
  if (ctx === null) return;
  const start = ctx.currentTime;
  [880, 660].forEach((frequency, i) => {
    const at = start + i * 0.4;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.frequency.value = frequency;
    // A quick fade in and out: a bare oscillator clicks when it starts and stops.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.4);
  });
}
