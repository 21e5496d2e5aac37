vcl 4.1;
# Union Hall's HTTP cache, in front of the web processes (docker-compose service `cache`).
#
# What is cached is decided by the application (core/cache.py): anonymous public pages say
# `Cache-Control: public, s-maxage=..., stale-while-revalidate=..., stale-if-error=...` and set
# no cookie; everything else says private or no-store and is never stored here. This file only
# keeps visitors' private requests away from the cache, normalises what the pages vary on, and
# serves stale pages while the backend is down. Publishing purges (BAN/PURGE, below).

import std;

backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .probe = {
        # /healthz answers 200 only while the database and Redis answer.
        .request = "GET /healthz HTTP/1.1"
                   "Host: localhost"
                   "Connection: close";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
    }
}

# Who may purge: the web and worker containers (they publish pages), and this host.
# A name in parentheses is skipped when it does not resolve.
acl purgers {
    "127.0.0.1";
    "::1";
    ("web");
    ("worker");
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A page with all its query strings (?page=2, ?q=...) and all its variants. The host
        # is ignored, as in vcl_hash: Wagtail names pages by its Site's root URL.
        ban("obj.http.x-url-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Accounts, the admin, webhooks, the health check and the language switch are never cached.
    if (req.url ~ "^/(admin|anymail|healthz|language)(/|$|\?)"
        || req.url ~ "^/([a-z]{2}/)?accounts/") {
        return (pass);
    }
    # A visitor with a session (signed in) or with messages waiting has a page of their own.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }

    if (req.url ~ "^/(\?|$)") {
        # `/` is the only page that depends on the visitor: the language cookie the switch
        # set, else Accept-Language (core/language.py). Keep just those, reduced to en/es,
        # so the cache holds a few copies of `/` instead of one per browser.
        # The first of en/es the browser lists (browsers list by preference).
        if (regsub(req.http.Accept-Language, "^.*?\b(en|es)\b.*$", "\1") == "es") {
            set req.http.Accept-Language = "es";
        } else {
            set req.http.Accept-Language = "en";
        }
        if (req.http.Cookie ~ "(^|;\s*)django_language=(en|es)(;|$)") {
            set req.http.Cookie = "django_language=" + regsub(req.http.Cookie, "^(?:.*;\s*)?django_language=(en|es)(?:;.*)?$", "\1");
        } else {
            unset req.http.Cookie;
        }
    } else {
        # Every other page has its language in its path; cookies (a CSRF cookie left by the
        # login page, a language cookie) and Accept-Language change nothing there.
        unset req.http.Cookie;
        unset req.http.Accept-Language;
    }

    # Stale pages: while the backend is healthy only briefly (the count pages'
    # stale-while-revalidate); while it is down, as long as stale-if-error allows (beresp.grace).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 4s;
    }
    return (hash);
}

sub vcl_hash {
    # One site per deployment: the URL alone names a page (as in core/pagecache.py).
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # For bans by path (the ban lurker can test objects without a request).
    set beresp.http.x-url-path = regsub(bereq.url, "\?.*$", "");
    if (beresp.http.Cache-Control ~ "public" && !beresp.http.Set-Cookie) {
        # stale-if-error=300: keep serving the page for five minutes past its freshness
        # while the backend is down.
        set beresp.grace = 300s;
    }
    # Anything else (private, no-store, Set-Cookie) falls through to Varnish's built-in rules,
    # which never store it.
}

sub vcl_deliver {
    unset resp.http.x-url-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
