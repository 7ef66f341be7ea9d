//! The progress bar on stderr, and the per-file messages that must not tear it.
//!
//! The bar stays hidden for the first second, so quick runs print nothing extra; after that
//! it is drawn ten times a second until [`Progress::finish`]. It is only ever drawn when
//! stderr is a terminal, `--quiet` is not given, and no data is streaming to the same
//! terminal on stdout (the caller decides: see `main.rs`). Documents are counted as the
//! worker threads finish them, so the bar moves smoothly even though results are handed
//! over in windows.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// [`DELAY`], or the milliseconds in `CORPUS_SCAN_PROGRESS_DELAY_MS` (for tests, which
/// cannot rely on a run taking a second).
fn delay() -> Duration {
    std::env::var("CORPUS_SCAN_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(DELAY, Duration::from_millis)
}

/// A progress bar that may never be shown, and the diagnostics printed around it.
pub struct Progress {
    bar: ProgressBar,
    enabled: bool,
    quiet: bool,
    /// The timer thread that shows the bar after [`DELAY`]; dropping the sender stops it.
    timer: Mutex<Option<(mpsc::Sender<()>, JoinHandle<()>)>>,
}

impl Progress {
    /// A bar that is shown when `enabled`; `quiet` also silences [`Progress::warn`].
    pub fn new(enabled: bool, quiet: bool) -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            enabled: enabled && !quiet,
            quiet,
            timer: Mutex::new(None),
        }
    }

    /// Starts counting towards `total` documents; the bar appears after [`DELAY`].
    pub fn start(&self, total: usize) {
        if !self.enabled {
            return;
        }
        let mut timer = self.timer.lock().unwrap_or_else(|e| e.into_inner());
        if timer.is_some() {
            return;
        }
        self.bar.set_length(total as u64);
        self.bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {wide_bar} {pos}/{len} documents {elapsed} {msg}",
            )
            .expect("the template is valid")
            .progress_chars("█▉▊▋▌▍▎▏ "),
        );
        let (tx, rx) = mpsc::channel::<()>();
        let bar = self.bar.clone();
        let delay = delay();
        let handle = thread::spawn(move || {
            if rx.recv_timeout(delay) == Err(RecvTimeoutError::Timeout) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(100));
            }
        });
        *timer = Some((tx, handle));
    }

    /// One more document done (called from the worker threads).
    pub fn inc(&self) {
        if self.enabled {
            self.bar.inc(1);
        }
    }

    /// Says what happens now that every document is read (linking, summarising).
    pub fn set_message(&self, msg: &'static str) {
        if self.enabled {
            self.bar.set_message(msg);
        }
    }

    /// Prints a diagnostic about one file on stderr, unless `--quiet`, without tearing the bar.
    pub fn warn(&self, msg: std::fmt::Arguments<'_>) {
        if !self.quiet {
            // File names and reasons may hold control characters: escape them for the terminal.
            let msg = crate::report::text::sanitize(&msg.to_string());
            self.bar.suspend(|| eprintln!("corpus-scan: {msg}"));
        }
    }

    /// Removes the bar; call before writing to a terminal.
    pub fn finish(&self) {
        let timer = self.timer.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some((tx, handle)) = timer {
            drop(tx);
            let _ = handle.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
