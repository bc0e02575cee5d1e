//! The demo's tour: one request per OAuth error the demo can send (and the 401 challenge
//! without error), printed as curl lines by both demo servers and sent, line by line, by
//! the tests (`tests/demo_tour.rs`), which check that each answers the error it names and
//! that every error code the scenario names is in the tour.

#![allow(dead_code)]

use crate::scenario::{CLIENT_ID, CLIENT_SECRET, DEVICE_CODE_GRANT};

/// A request body.
pub enum Body {
    /// `application/x-www-form-urlencoded` fields, sent as given (already encoded).
    Form(Vec<String>),
    /// An `application/json` document.
    Json(&'static str),
}

/// One line of the tour.
pub struct Stop {
    /// The error code the answer carries (`None`: the 401 challenge without error).
    pub shows: Option<&'static str>,
    /// The request method.
    pub method: &'static str,
    /// Path and query.
    pub target: String,
    /// Basic client credentials (`-u id:secret`).
    pub basic: Option<(&'static str, &'static str)>,
    /// Extra request headers, `Name: value`.
    pub headers: Vec<&'static str>,
    /// The request body.
    pub body: Option<Body>,
}

impl Stop {
    fn new(shows: Option<&'static str>, method: &'static str, target: impl Into<String>) -> Self {
        Stop { shows, method, target: target.into(), basic: None, headers: Vec::new(), body: None }
    }

    fn client(mut self, secret: &'static str) -> Self {
        self.basic = Some((CLIENT_ID, secret));
        self
    }

    fn header(mut self, header: &'static str) -> Self {
        self.headers.push(header);
        self
    }

    fn form(mut self, fields: &[&str]) -> Self {
        self.body = Some(Body::Form(fields.iter().map(|f| (*f).to_owned()).collect()));
        self
    }

    fn json(mut self, document: &'static str) -> Self {
        self.body = Some(Body::Json(document));
        self
    }

    /// The curl command for this stop against `base` (`http://host:port`).
    pub fn curl(&self, base: &str) -> String {
        let mut line = String::from("curl -i");
        // curl sends GET, or POST when there is a body.
        let implied = if self.body.is_some() { "POST" } else { "GET" };
        if self.method != implied {
            line.push_str(&format!(" -X {}", self.method));
        }
        if let Some((id, secret)) = self.basic {
            line.push_str(&format!(" -u {id}:{secret}"));
        }
        for header in &self.headers {
            line.push_str(&format!(" -H '{header}'"));
        }
        line.push_str(&format!(" '{base}{}'", self.target));
        match &self.body {
            Some(Body::Form(fields)) => {
                for field in fields {
                    line.push_str(&format!(" -d '{field}'"));
                }
            }
            Some(Body::Json(document)) => {
                line.push_str(&format!(" -H 'Content-Type: application/json' -d '{document}'"));
            }
            None => {}
        }
        line
    }
}

/// Every stop of the tour, grouped by route.
pub fn stops() -> Vec<Stop> {
    let token = |shows| Stop::new(Some(shows), "POST", "/token");
    let device = |shows, code: &'static str| {
        Stop::new(Some(shows), "POST", "/token")
            .client(CLIENT_SECRET)
            .form(&[&format!("grant_type={DEVICE_CODE_GRANT}"), &format!("device_code={code}")])
    };
    let authorize = |shows, query: &str| {
        Stop::new(Some(shows), "GET", format!("/authorize?client_id={CLIENT_ID}&{query}"))
    };
    let client_credentials = "grant_type=client_credentials";
    vec![
        token("invalid_client").client("wrong").form(&[client_credentials]),
        token("invalid_request").client(CLIENT_SECRET).form(&["scope=read"]),
        token("unsupported_grant_type").client(CLIENT_SECRET).form(&["grant_type=magic"]),
        token("unauthorized_client").client(CLIENT_SECRET).form(&["grant_type=password"]),
        token("invalid_grant")
            .client(CLIENT_SECRET)
            .form(&["grant_type=authorization_code", "code=stale"]),
        token("invalid_scope").client(CLIENT_SECRET).form(&[client_credentials, "scope=admin"]),
        device("authorization_pending", "pending"),
        device("slow_down", "slow"),
        device("expired_token", "expired"),
        device("access_denied", "denied"),
        token("server_error")
            .client(CLIENT_SECRET)
            .header("X-Demo-Fail: server")
            .form(&[client_credentials]),
        token("temporarily_unavailable")
            .client(CLIENT_SECRET)
            .header("X-Demo-Fail: unavailable")
            .form(&[client_credentials]),
        token("too_many_requests")
            .client(CLIENT_SECRET)
            .header("X-Demo-Fail: ratelimit")
            .form(&[client_credentials]),
        authorize("login_required", "response_type=code&state=xyz&prompt=none"),
        authorize("unsupported_response_type", "response_type=token&state=xyz"),
        Stop::new(None, "GET", "/api/read"),
        Stop::new(Some("invalid_token"), "GET", "/api/read")
            .header("Authorization: Bearer not-a-token"),
        Stop::new(Some("insufficient_scope"), "GET", "/api/write")
            .header("Authorization: Bearer demo-access-token"),
        Stop::new(Some("unsupported_token_type"), "POST", "/revoke")
            .client(CLIENT_SECRET)
            .form(&["token=unsupported-123"]),
        Stop::new(Some("invalid_redirect_uri"), "POST", "/register")
            .json(r#"{"redirect_uris":["http://example.com/cb"]}"#),
        Stop::new(Some("invalid_client_metadata"), "POST", "/register")
            .json(r#"{"redirect_uris":["https://client.example/cb"],"grant_types":["magic"]}"#),
        Stop::new(Some("not_found"), "GET", "/nowhere"),
        Stop::new(Some("method_not_allowed"), "DELETE", "/api/read"),
    ]
}

/// The curl lines for `base`, as the banners print them.
pub fn curl_lines(base: &str) -> Vec<String> {
    stops().iter().map(|stop| stop.curl(base)).collect()
}
