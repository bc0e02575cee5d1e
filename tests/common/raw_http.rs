//! A raw HTTP/1.1 client over TCP, so that assertions see exactly what goes on the wire.
//!
//! A request is written as raw bytes ([`request`]: `Connection: close`), the response is
//! read until EOF and split by [`parse`] into status line, header lines and body: a chunked
//! body is de-chunked, any other must match its `Content-Length`, and the response to a
//! `HEAD` request must have none. [`exchange`] is the blocking client, [`send_async`] the
//! tokio one (for a server running on the test's own runtime).

use std::io::{self, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use serde_json::Value;

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

/// The head of a request without its final blank line: the request line, `Host`,
/// `Connection: close`, then `headers` (raw `Name: value` lines, sent as given).
pub fn request_head<H: AsRef<[u8]>>(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[H],
) -> Vec<u8> {
    let mut raw =
        format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n").into_bytes();
    for h in headers {
        raw.extend_from_slice(h.as_ref());
        raw.extend_from_slice(b"\r\n");
    }
    raw
}

/// A whole request: [`request_head`], a `Content-Length` when there is a body or the
/// method is `POST`, the blank line and `body`.
pub fn request<H: AsRef<[u8]>>(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[H],
    body: &[u8],
) -> Vec<u8> {
    let mut raw = request_head(addr, method, target, headers);
    if !body.is_empty() || method == "POST" {
        raw.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
    }
    raw.extend_from_slice(b"\r\n");
    raw.extend_from_slice(body);
    raw
}

// ---------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------

/// A response as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status line, e.g. `HTTP/1.1 200 OK`.
    pub status_line: String,
    /// The status code of the status line.
    pub status: u16,
    /// Every header line in received order: name lower-cased, value without the
    /// surrounding whitespace.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The header names exactly as sent, in received order (for casing checks).
    pub names_as_sent: Vec<String>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

impl Response {
    /// Every value of `name` (lower case), in received order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| String::from_utf8(v.clone()).expect("ASCII header"))
            .collect()
    }

    /// The only value of `name` (panics when repeated).
    pub fn header(&self, name: &str) -> Option<String> {
        let all = self.all(name);
        assert!(all.len() <= 1, "{name} repeated: {all:?}");
        all.into_iter().next()
    }

    /// Every header except the transport's (`date`, `content-length`, `connection`),
    /// sorted.
    pub fn header_list(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .headers
            .iter()
            .filter(|(n, _)| !matches!(n.as_str(), "date" | "content-length" | "connection"))
            .map(|(n, v)| (n.clone(), String::from_utf8_lossy(v).into_owned()))
            .collect();
        v.sort();
        v
    }

    /// Every header line but `date`, stably sorted by name (repeated names keep their
    /// received order): what two servers sending the same response have in common.
    pub fn headers_without_date(&self) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> =
            self.headers.iter().filter(|(n, _)| n != "date").cloned().collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// The body parsed as JSON (panics when it is not JSON).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("body is not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body))
        })
    }

    /// The body as text (panics when it is not UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }

    /// The status line, [`Response::headers_without_date`] and the start of the body,
    /// indented, for a failure message.
    pub fn describe(&self) -> String {
        use std::fmt::Write as _;
        let mut s = format!("    {}\n", self.status_line);
        for (n, v) in self.headers_without_date() {
            let _ = writeln!(s, "    {n}: {}", String::from_utf8_lossy(&v));
        }
        let body = String::from_utf8_lossy(&self.body);
        let body: String = body.chars().take(300).collect();
        let _ = writeln!(s, "    body ({} bytes) {body:?}", self.body.len());
        s
    }

    /// The only value of `name`; an error when repeated or not UTF-8.
    fn only(&self, name: &str) -> Result<Option<&str>, String> {
        let mut all = self.headers.iter().filter(|(n, _)| n == name);
        let first = all.next();
        if all.next().is_some() {
            return Err(format!("{name} repeated"));
        }
        first
            .map(|(_, v)| std::str::from_utf8(v).map_err(|_| format!("{name} is not UTF-8")))
            .transpose()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Strips the optional whitespace (spaces and tabs) around a header value.
fn trim_ows(mut v: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = v {
        v = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = v {
        v = rest;
    }
    v
}

fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = find(raw, b"\r\n").ok_or("no chunk size line")?;
        let size_str = std::str::from_utf8(&raw[..eol]).map_err(|e| format!("chunk size: {e}"))?;
        let size = usize::from_str_radix(size_str.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|e| format!("chunk size {size_str:?}: {e}"))?;
        raw = &raw[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        out.extend_from_slice(raw.get(..size).ok_or("short chunk")?);
        raw = raw.get(size + 2..).ok_or("no chunk terminator")?;
    }
}

/// Splits a response read until EOF into status line, header lines and body, and checks
/// the framing: a chunked body is de-chunked, any other must match its `Content-Length`,
/// and the response to a `HEAD` request (`head_request`) must have no body.
pub fn parse(received: &[u8], head_request: bool) -> Result<Response, String> {
    let shown = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let head_end = find(received, b"\r\n\r\n")
        .ok_or_else(|| format!("no header end in {:?}", shown(received)))?;
    let mut lines =
        received[..head_end].split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let first = lines.next().ok_or("no status line")?;
    let status_line = String::from_utf8(first.to_vec())
        .map_err(|_| format!("status line not UTF-8: {:?}", shown(first)))?;
    let mut parts = status_line.splitn(3, ' ');
    if parts.next() != Some("HTTP/1.1") {
        return Err(format!("not an HTTP/1.1 status line: {status_line:?}"));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status code in {status_line:?}"))?;
    let mut headers = Vec::new();
    let mut names_as_sent = Vec::new();
    for line in lines {
        let colon = line
            .iter()
            .position(|&b| b == b':')
            .ok_or_else(|| format!("bad header line {:?}", shown(line)))?;
        let name = std::str::from_utf8(&line[..colon])
            .map_err(|_| format!("header name not UTF-8: {:?}", shown(line)))?;
        names_as_sent.push(name.to_owned());
        headers.push((name.to_ascii_lowercase(), trim_ows(&line[colon + 1..]).to_vec()));
    }
    let mut response = Response {
        status_line,
        status,
        headers,
        names_as_sent,
        body: received[head_end + 4..].to_vec(),
    };
    if response.only("transfer-encoding")?.is_some_and(|te| te.eq_ignore_ascii_case("chunked")) {
        response.body = dechunk(&response.body)?;
    } else if let Some(len) = response.only("content-length")?.filter(|_| !head_request) {
        let len: usize = len.parse().map_err(|e| format!("content-length {len:?}: {e}"))?;
        if len != response.body.len() {
            return Err(format!(
                "content-length {len} but a body of {} bytes: {:?}",
                response.body.len(),
                shown(&response.body)
            ));
        }
    }
    if head_request && !response.body.is_empty() {
        return Err(format!("a HEAD response with a body: {:?}", shown(&response.body)));
    }
    Ok(response)
}

// ---------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------

/// What one blocking [`exchange`] got.
pub struct Exchange {
    /// Every byte received until EOF (or the read error).
    received: Vec<u8>,
    written: io::Result<()>,
    read: io::Result<usize>,
    head_request: bool,
}

/// Connects to `addr`, writes `raw` from a helper thread (so a server that answers before
/// reading the whole request cannot dead-lock the client) and reads until EOF. Connecting
/// and every read and write are bounded by `timeout`; only a failure to connect is an
/// error here, the others are [`Exchange`]'s to judge.
pub fn exchange(addr: SocketAddr, raw: Vec<u8>, timeout: Duration) -> Result<Exchange, String> {
    let head_request = raw.starts_with(b"HEAD ");
    let stream = TcpStream::connect_timeout(&addr, timeout)
        .map_err(|e| format!("connect to {addr}: {e}"))?;
    stream.set_read_timeout(Some(timeout)).map_err(|e| format!("read timeout: {e}"))?;
    stream.set_write_timeout(Some(timeout)).map_err(|e| format!("write timeout: {e}"))?;
    let mut writer = stream.try_clone().map_err(|e| format!("clone stream: {e}"))?;
    let write = std::thread::spawn(move || writer.write_all(&raw));
    let mut received = Vec::new();
    let read = (&stream).read_to_end(&mut received);
    let written = write.join().unwrap_or_else(|_| Err(io::Error::other("writer panicked")));
    Ok(Exchange { received, written, read, head_request })
}

impl Exchange {
    /// The response; a failed write or read is an error too.
    pub fn response(self) -> Result<Response, String> {
        self.written.map_err(|e| format!("write: {e}"))?;
        self.read.map_err(|e| format!("read: {e}"))?;
        parse(&self.received, self.head_request)
    }

    /// The response, however writing and reading ended, as long as all of it arrived: a
    /// server may answer (and close) before it has read the whole request.
    pub fn complete_response(self) -> Result<Response, String> {
        parse(&self.received, self.head_request)
            .map_err(|e| format!("{e} (write: {:?}, read: {:?})", self.written, self.read))
    }
}

/// Writes `raw` over tokio, reads until EOF and [`parse`]s the response; any I/O error is
/// an error. For a server running on the test's own runtime.
pub async fn send_async(addr: SocketAddr, raw: &[u8]) -> Result<Response, String> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut stream =
        tokio::net::TcpStream::connect(addr).await.map_err(|e| format!("connect: {e}"))?;
    stream.write_all(raw).await.map_err(|e| format!("write request: {e}"))?;
    let mut received = Vec::new();
    stream.read_to_end(&mut received).await.map_err(|e| format!("read response: {e}"))?;
    parse(&received, raw.starts_with(b"HEAD "))
}
