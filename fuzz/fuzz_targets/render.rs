//! Structured input → an `ErrorResponse` built through the lossy constructors →
//! `to_response(endpoint)`.
//!
//! Invariants:
//! * the status is 4xx or 5xx;
//! * every header value is visible ASCII or SP (`%x20-7E`: no CR, LF, NUL, HTAB or
//!   obs-text);
//! * a 401 has at least one `WWW-Authenticate`, any other status carries one only where
//!   the table says the code is challenged at the endpoint (RFC 6750 §3.1), and every
//!   `WWW-Authenticate` parses with `parse_challenges`;
//! * `Retry-After` only on 413, 429 and 503;
//! * the body (default contract) parses with `from_json` to the same code, description,
//!   `error_uri` and members, and is what `to_body` returns.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use oauth_errors::text::ErrorText;
use oauth_errors::{
    parse_challenges, Challenge, ClientAuth, Endpoint, ErrorResponse, MemberName, MemberValue,
    OAuthError, RetryAfter, Scope,
};

#[derive(Debug)]
struct Input {
    code: OAuthError,
    description: Option<String>,
    relaxed_description: bool,
    uri: Option<String>,
    members: Vec<(String, Member)>,
    realm: Option<String>,
    scope: Option<String>,
    dpop_algs: Option<String>,
    informational: bool,
    basic_client_auth: Option<String>,
    retry_after: Option<u64>,
    endpoint: Endpoint,
}

#[derive(Debug)]
enum Member {
    Text(String),
    Bool(bool),
    Int(i64),
    Null,
}

impl<'a> Arbitrary<'a> for Member {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u.int_in_range(0u8..=5)? {
            0 => Member::Bool(u.arbitrary()?),
            1 => Member::Int(u.arbitrary()?),
            2 => Member::Null,
            _ => Member::Text(u.arbitrary()?),
        })
    }
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        // Either a code from the table or an arbitrary string (falling back to a known
        // code when it is not a valid code).
        let code = if u.arbitrary()? {
            let i = u.choose_index(OAuthError::KNOWN.len())?;
            OAuthError::KNOWN[i].clone()
        } else {
            let s: String = u.arbitrary()?;
            OAuthError::from_code(&s).unwrap_or(OAuthError::InvalidRequest)
        };
        let endpoint = *u.choose(&Endpoint::ALL)?;
        Ok(Input {
            code,
            description: u.arbitrary()?,
            relaxed_description: u.arbitrary()?,
            uri: u.arbitrary()?,
            members: u.arbitrary_iter()?.take(8).collect::<arbitrary::Result<_>>()?,
            realm: u.arbitrary()?,
            scope: u.arbitrary()?,
            dpop_algs: u.arbitrary()?,
            informational: u.arbitrary()?,
            basic_client_auth: u.arbitrary()?,
            retry_after: u.arbitrary()?,
            endpoint,
        })
    }
}

impl Input {
    fn build(&self) -> ErrorResponse {
        let mut err = ErrorResponse::new(self.code.clone());
        if let Some(d) = &self.description {
            err = if self.relaxed_description {
                // The checked relaxed door, falling back to the lossy one.
                match ErrorText::unicode(d.clone()) {
                    Ok(t) => err.with_description(t),
                    Err(_) => err.with_description(d.clone()),
                }
            } else {
                err.with_description(d.clone())
            };
        }
        if let Some(u) = &self.uri {
            err = err.with_uri(u.clone());
        }
        for (n, v) in &self.members {
            let name = MemberName::lossy(n);
            err = match v {
                Member::Text(t) => err.with_member(name, t.clone()),
                Member::Bool(b) => err.with_member(name, *b),
                Member::Int(i) => err.with_member(name, *i),
                Member::Null => err.with_member(name, serde_json::Value::Null),
            };
        }
        if let Some(r) = &self.realm {
            let mut c = Challenge::bearer().realm(r.clone());
            if let Some(s) = &self.scope {
                c = c.scope(Scope::lossy(s));
            }
            err = err.with_challenge(c);
        }
        if let Some(a) = &self.dpop_algs {
            let mut c = Challenge::dpop().algs(Cow::Owned(a.clone()));
            if self.informational {
                c = c.informational();
            }
            err = err.with_challenge(c);
        }
        if let Some(r) = &self.basic_client_auth {
            err = err.with_client_auth(ClientAuth::basic(r.clone()));
        }
        if let Some(s) = self.retry_after {
            err = err.with_retry_after(RetryAfter::Seconds(s));
        }
        err
    }
}

fuzz_target!(|input: Input| {
    let err = input.build();
    let response = err.to_response(input.endpoint);

    let status = response.status();
    assert!(
        status.is_client_error() || status.is_server_error(),
        "status {status} for {err:?} at {:?}",
        input.endpoint
    );

    for (name, value) in response.headers() {
        let bytes = value.as_bytes();
        assert!(
            bytes.iter().all(|b| (0x20..=0x7E).contains(b)),
            "header {name}: not visible ASCII: {value:?}"
        );
    }

    let challenges: Vec<_> = response.headers().get_all("www-authenticate").iter().collect();
    if status == 401 {
        assert!(
            !challenges.is_empty(),
            "401 without WWW-Authenticate for {err:?} at {:?}",
            input.endpoint
        );
    } else if !err.code().info().challenged_at(input.endpoint) {
        assert!(
            challenges.is_empty(),
            "challenge on a {status} for {err:?} at {:?}",
            input.endpoint
        );
    }
    for c in &challenges {
        match parse_challenges([c.as_bytes()]) {
            Ok(parsed) => assert_eq!(parsed.len(), 1, "{c:?} -> {parsed:?}"),
            Err(e) => panic!("WWW-Authenticate does not parse ({e}): {c:?}"),
        }
    }

    if let Some(ra) = response.headers().get("retry-after") {
        assert!(matches!(status.as_u16(), 413 | 429 | 503), "Retry-After on {status}");
        let s = ra.to_str().unwrap_or_default();
        assert_eq!(RetryAfter::parse(s), err.retry_after(), "Retry-After {s:?}");
    }

    let body = response.body();
    assert_eq!(body, &err.to_body(), "response body differs from to_body()");
    let back = match ErrorResponse::from_json(body) {
        Ok(b) => b,
        Err(e) => panic!("body does not parse ({e}): {:?}", String::from_utf8_lossy(body)),
    };
    assert_eq!(back.code(), err.code(), "code changed");
    assert_eq!(back.description(), err.description(), "description changed");
    assert_eq!(back.uri(), err.uri(), "error_uri changed");
    let mut want: Vec<(MemberName, MemberValue)> = err.members().to_vec();
    let mut got: Vec<(MemberName, MemberValue)> = back.members().to_vec();
    want.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    got.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    assert_eq!(got, want, "members changed: {:?}", String::from_utf8_lossy(body));
});
