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

    /// The header `name` (given in lower case) as the credential readers need it:
    /// absent, present once (with its value) or repeated. The default collects
    /// [`header_values`](Self::header_values); the implementations for `http` 1.x and
    /// actix-web read the field without allocating.
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// use oauth_errors::extract::{HeaderField, RequestHeaders};
    ///
    /// let mut headers = HeaderMap::new();
    /// assert_eq!(headers.header_field("authorization"), HeaderField::Absent);
    /// headers.append(AUTHORIZATION, HeaderValue::from_static("Bearer a"));
    /// assert_eq!(headers.header_field("authorization"), HeaderField::Once(b"Bearer a"));
    /// headers.append(AUTHORIZATION, HeaderValue::from_static("Bearer b"));
    /// assert_eq!(headers.header_field("authorization"), HeaderField::Repeated);
    /// ```
    fn header_field(&self, name: &str) -> HeaderField<'_> {
        HeaderField::of(self.header_values(name))
    }
}

/// One header field, as [`RequestHeaders::header_field`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField<'a> {
    /// Not in the request.
    Absent,
    /// Exactly once, with this value.
    Once(&'a [u8]),
    /// More than once.
    Repeated,
}

impl<'a> HeaderField<'a> {
    /// From the field's values in received order.
    ///
    /// ```
    /// use oauth_errors::extract::HeaderField;
    ///
    /// assert_eq!(HeaderField::of([&b"a"[..]]), HeaderField::Once(b"a"));
    /// assert_eq!(HeaderField::of([&b"a"[..], b"b"]), HeaderField::Repeated);
    /// assert_eq!(HeaderField::of([]), HeaderField::Absent);
    /// ```
    pub fn of(values: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut values = values.into_iter();
        match (values.next(), values.next()) {
            (None, _) => HeaderField::Absent,
            (Some(value), None) => HeaderField::Once(value),
            (Some(_), Some(_)) => HeaderField::Repeated,
        }
    }

    /// The value when the field occurs exactly once.
    ///
    /// ```
    /// use oauth_errors::extract::HeaderField;
    ///
    /// assert_eq!(HeaderField::Once(b"x").once(), Some(&b"x"[..]));
    /// assert_eq!(HeaderField::Repeated.once(), None);
    /// ```
    pub fn once(self) -> Option<&'a [u8]> {
        match self {
            HeaderField::Once(value) => Some(value),
            HeaderField::Absent | HeaderField::Repeated => None,
        }
    }
}

impl<T: RequestHeaders + ?Sized> RequestHeaders for &T {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        (**self).header_values(name)
    }

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        (**self).header_field(name)
    }
}

impl RequestHeaders for http::HeaderMap {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.get_all(name).iter().map(http::HeaderValue::as_bytes).collect()
    }

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        HeaderField::of(self.get_all(name).iter().map(http::HeaderValue::as_bytes))
    }
}

impl<B> RequestHeaders for http::Request<B> {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_values(name)
    }

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        self.headers().header_field(name)
    }
}

impl RequestHeaders for http::request::Parts {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers.header_values(name)
    }

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        self.headers.header_field(name)
    }
}

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl RequestHeaders for actix_web::http::header::HeaderMap {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.get_all(name).map(actix_web::http::header::HeaderValue::as_bytes).collect()
    }

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        HeaderField::of(self.get_all(name).map(actix_web::http::header::HeaderValue::as_bytes))
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

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        self.headers().header_field(name)
    }
}

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
impl RequestHeaders for actix_web::dev::ServiceRequest {
    fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers().header_values(name)
    }

    fn header_field(&self, name: &str) -> HeaderField<'_> {
        self.headers().header_field(name)
    }
}

/// Whether the request's only `Content-Type` has the media type `essence`
/// (case-insensitive; parameters such as `charset` are ignored, whatever bytes they hold).
/// A missing or repeated field is not a match.
pub(crate) fn content_type_is(headers: &(impl RequestHeaders + ?Sized), essence: &str) -> bool {
    let HeaderField::Once(value) = headers.header_field("content-type") else { return false };
    // The media type before any parameter, without surrounding whitespace, compared as
    // bytes: no UTF-8 check, no split.
    let media_type = value.split(|&b| b == b';').next().unwrap_or_default();
    media_type.trim_ascii().eq_ignore_ascii_case(essence.as_bytes())
}
