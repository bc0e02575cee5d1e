//! [`RequestHeaders`]: one way to read request headers from `http` 1.x and actix-web alike.

/// Read access to a request's header fields, so that one parser serves every framework.
///
/// Implemented for `http` 1.x ([`http::HeaderMap`], [`http::Request`],
/// [`http::request::Parts`] — axum, hyper, tower, …), for actix-web's `HttpRequest`,
/// `ServiceRequest` and header map (feature `actix-web`), and for references to any of
/// them. Implement it for another framework's request type to use the
/// [`extract`](crate::extract) parsers there.
///
/// ```
/// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
/// use oauth_errors::extract::RequestHeaders;
///
/// let mut headers = HeaderMap::new();
/// headers.append(AUTHORIZATION, HeaderValue::from_static("Bearer a"));
/// headers.append(AUTHORIZATION, HeaderValue::from_static("Bearer b"));
/// assert_eq!(headers.header_values("authorization"), [&b"Bearer a"[..], &b"Bearer b"[..]]);
/// assert!(headers.header_values("dpop").is_empty());
/// ```
pub trait RequestHeaders {
    /// Every value of the header `name` (given in lower case), in received order.
    fn header_values(&self, name: &str) -> Vec<&[u8]>;
}

impl<T: RequestHeaders + ?Sized> RequestHeaders for &T {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        (**self).header_values(name)
    }
}

impl RequestHeaders for http::HeaderMap {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.get_all(name).iter().map(http::HeaderValue::as_bytes).collect()
    }
}

impl<B> RequestHeaders for http::Request<B> {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_values(name)
    }
}

impl RequestHeaders for http::request::Parts {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers.header_values(name)
    }
}

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl RequestHeaders for actix_web::http::header::HeaderMap {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.get_all(name).map(actix_web::http::header::HeaderValue::as_bytes).collect()
    }
}

/// ```
/// use actix_web::test::TestRequest;
/// use oauth_errors::extract::RequestHeaders;
///
/// let req = TestRequest::default().insert_header(("DPoP", "x.y.z")).to_http_request();
/// assert_eq!(req.header_values("dpop"), [&b"x.y.z"[..]]);
/// ```
#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl RequestHeaders for actix_web::HttpRequest {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_values(name)
    }
}

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl RequestHeaders for actix_web::dev::ServiceRequest {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_values(name)
    }
}

/// Whether the request's only `Content-Type` has the media type `essence`
/// (case-insensitive; parameters such as `charset` are ignored). A missing, repeated or
/// non-ASCII field is not a match.
pub(crate) fn content_type_is(headers: &(impl RequestHeaders + ?Sized), essence: &str) -> bool {
    let values = headers.header_values("content-type");
    let [value] = values.as_slice() else { return false };
    core::str::from_utf8(value)
        .ok()
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(essence))
}
