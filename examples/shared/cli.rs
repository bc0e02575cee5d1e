//! The command line, logging and start-up banner shared by `examples/demo_server.rs` and
//! `examples/actix_server.rs`.

use std::fmt::Display;
use std::io::{self, IsTerminal as _};
use std::net::SocketAddr;
use std::process::ExitCode;

use crate::{scenario, tour};

/// One demo server's command line: `[--addr HOST:PORT]` (or `--addr=HOST:PORT`), `-h` /
/// `--help`.
pub struct Cli {
    /// The program name, prefixed to every error message.
    pub program: &'static str,
    /// Printed by `--help` and after a bad argument.
    pub usage: &'static str,
    /// The address used when none is given.
    pub default_addr: &'static str,
    /// What the banner calls the server.
    pub title: &'static str,
}

impl Cli {
    /// The address to listen on. `Err` is the exit code once `--help` printed the usage
    /// (success) or a bad argument was reported with it (2).
    pub fn listen_addr(&self) -> Result<String, ExitCode> {
        match self.parse_args() {
            Ok(Some(addr)) => Ok(addr),
            Ok(None) => {
                println!("{}", self.usage);
                Err(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("{}: {e}\n\n{}", self.program, self.usage);
                Err(ExitCode::from(2))
            }
        }
    }

    fn parse_args(&self) -> Result<Option<String>, String> {
        let mut addr = self.default_addr.to_owned();
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-h" | "--help" => return Ok(None),
                "--addr" => addr = args.next().ok_or("--addr needs a value (HOST:PORT)")?,
                other => match other.strip_prefix("--addr=") {
                    Some(v) => addr = v.to_owned(),
                    None => return Err(format!("unknown argument: {other}")),
                },
            }
        }
        Ok(Some(addr))
    }

    /// Reports `error` and returns the failure exit code.
    pub fn fail(&self, error: impl Display) -> ExitCode {
        eprintln!("{}: {error}", self.program);
        ExitCode::FAILURE
    }

    /// The demo's configuration for the address the listener got (`bound`), asked to
    /// listen on `addr`; `Err` is the exit code once the failure was reported.
    pub fn config(
        &self,
        addr: &str,
        bound: io::Result<SocketAddr>,
    ) -> Result<scenario::Config, ExitCode> {
        match bound.map(scenario::Config::new) {
            Ok(Ok(config)) => Ok(config),
            Ok(Err(e)) => Err(self.fail(format_args!("no issuer for {addr}: {e}"))),
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Prints where the server listens, the demo client, and the tour: one curl line per
    /// OAuth error the demo can send.
    pub fn print_banner(&self, config: &scenario::Config) {
        let base = config.issuer.as_str();
        let (id, secret) = (scenario::CLIENT_ID, scenario::CLIENT_SECRET);
        println!("oauth-errors {} listening on {base}", self.title);
        println!(
            "issuer {base}, realm \"{}\", client {id} / {secret}, redirect URI {}, scopes read write",
            config.realm,
            scenario::REDIRECT_URI
        );
        println!();
        println!("Try (one line per error the demo can send):");
        for line in tour::curl_lines(base) {
            println!("  {line}");
        }
        println!();
    }
}

/// A `tracing-subscriber` fmt subscriber on stdout at the level `RUST_LOG` names (`off`,
/// `error`, `warn`, `info`, `debug`, `trace`; `info` when unset or not a level). The
/// crate's event for a 5xx is at ERROR with the internal cause; `RUST_LOG=debug` shows the
/// event for every 4xx too.
pub fn init_tracing() {
    let level = std::env::var("RUST_LOG")
        .ok()
        .and_then(|v| v.trim().parse::<tracing_subscriber::filter::LevelFilter>().ok())
        .unwrap_or(tracing_subscriber::filter::LevelFilter::INFO);
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(std::io::stdout().is_terminal())
        .init();
}
