//! Running the `dingdian` binary from the tests: its output, and scratch files that remove
//! themselves.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// A fixture's path (`tests/fixtures/NAME`), as a command's argument takes it.
pub fn fixture_path(name: &str) -> PathBuf {
    super::fixtures().join(name)
}

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dingdian"))
}

pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

/// Standard output as JSON, after checking the run succeeded.
pub fn stdout_json(o: &Output) -> Value {
    assert!(o.status.success(), "exit {:?}, stderr {}", o.status.code(), String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory of its own (tests run in parallel, and a file written while another
/// test's process reads it would be read half-written), removed when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new() -> Scratch {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("dingdian-test-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// Writes `content` as `name` in the directory; returns its path.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    /// A copy of the fixture `name` beside the scratch files (for files naming it relatively).
    pub fn copy_fixture(&self, name: &str) -> PathBuf {
        let p = self.0.join(name);
        std::fs::copy(super::fixtures().join(name), &p).unwrap();
        p
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A single scratch file in a directory of its own (`path()` as the argument a command takes).
pub struct Temp {
    _dir: Scratch,
    file: PathBuf,
}

impl Temp {
    pub fn new(name: &str, content: &str) -> Temp {
        let dir = Scratch::new();
        let file = dir.write(name, content);
        Temp { _dir: dir, file }
    }

    /// A scratch file beside a copy of the fixture it names.
    pub fn beside_fixture(fixture: &str, name: &str, content: &str) -> Temp {
        let dir = Scratch::new();
        dir.copy_fixture(fixture);
        let file = dir.write(name, content);
        Temp { _dir: dir, file }
    }

    pub fn path(&self) -> &str {
        self.file.to_str().unwrap()
    }
}
