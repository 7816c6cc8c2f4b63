//! A chromedriver process on a free loopback port, for the lifetime of a test
//! run.

use std::env;
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// How long chromedriver may take to start listening, or to shut down.
const PATIENCE: Duration = Duration::from_secs(20);

/// A running chromedriver. Dropping it shuts it down, and with it every
/// browser it started.
pub struct Chromedriver {
    addr: SocketAddr,
    process: Child,
}

impl Chromedriver {
    /// Starts the chromedriver named by `$CHROMEDRIVER`, or else the one on
    /// `PATH`, and waits until it accepts connections.
    pub fn start() -> io::Result<Chromedriver> {
        let program = env::var_os("CHROMEDRIVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("chromedriver"));
        let port = free_port()?;
        let process = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| {
                io::Error::new(
                    error.kind(),
                    format!(
                        "cannot start {}: {error}; set CHROMEDRIVER to chromedriver's path",
                        program.display()
                    ),
                )
            })?;
        let mut driver = Chromedriver {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            process,
        };
        driver.wait_until_listening()?;
        Ok(driver)
    }

    /// The WebDriver endpoint, e.g. `http://127.0.0.1:40123`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn wait_until_listening(&mut self) -> io::Result<()> {
        let deadline = Instant::now() + PATIENCE;
        while TcpStream::connect(self.addr).is_err() {
            if let Some(status) = self.process.try_wait()? {
                return Err(io::Error::other(format!(
                    "chromedriver exited at start ({status})"
                )));
            }
            if Instant::now() > deadline {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    format!("chromedriver did not listen on {} in time", self.addr),
                ));
            }
            thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }

    /// Asks chromedriver to quit. Unlike a kill, this also ends the browsers
    /// of sessions that a failed test left open.
    fn shutdown(&mut self) -> io::Result<()> {
        let mut stream = TcpStream::connect(self.addr)?;
        write!(
            stream,
            "GET /shutdown HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )?;
        stream.read_to_end(&mut Vec::new())?;
        let deadline = Instant::now() + PATIENCE;
        while self.process.try_wait()?.is_none() {
            if Instant::now() > deadline {
                return Err(io::Error::new(io::ErrorKind::TimedOut, "shutdown"));
            }
            thread::sleep(Duration::from_millis(50));
        }
        Ok(())
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        if self.shutdown().is_err() {
            let _ = self.process.kill();
            let _ = self.process.wait();
        }
    }
}

/// A loopback port that was free a moment ago. chromedriver must be told a
/// port, so another process could take it in between; chromedriver then
/// exits, and `start` says so.
fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}
