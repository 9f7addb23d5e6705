package dev.weft.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Base URL checks and display. */
public final class Urls {
    private Urls() {}

    /** Checks that {@code url} is an absolute http(s) URL and returns it without a trailing slash. */
    public static String checkBaseUrl(String url, String where) throws ConfigException {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new ConfigException(where + ": base URL '" + display(trimmed)
                        + "' must start with http:// or https:// and name a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ": base URL '" + display(trimmed) + "' is not a URL: " + e.getReason());
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The URL without user info or query: those can carry credentials, and messages must not. */
    public static String display(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "");
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.replaceAll("//[^/@]*@", "//").replaceAll("\\?.*$", "");
        }
    }
}
