package org.rapport.interactions;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of the HMAC-SHA1, keyed with the account's auth
 * token, of the full URL Twilio called followed by every POST parameter sorted by name, each name directly followed
 * by its value. Like Twilio's own libraries, a URL is also accepted with its default port added or removed.
 */
final class TwilioSignature {

    private TwilioSignature() {
    }

    static String sign(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Whether the signature matches the URL (or its variant with or without the default port), in constant time. */
    static boolean valid(String authToken, String url, Map<String, List<String>> params, String signature) {
        if (signature == null || signature.isBlank() || authToken == null || authToken.isEmpty()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : candidates(url)) {
            byte[] expected = sign(authToken, candidate, params).getBytes(StandardCharsets.UTF_8);
            valid |= MessageDigest.isEqual(expected, given);
        }
        return valid;
    }

    private static List<String> candidates(String url) {
        List<String> urls = new ArrayList<>(List.of(url));
        try {
            URI uri = new URI(url);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int port = uri.getPort() == -1 ? defaultPort : uri.getPort() == defaultPort ? -1 : uri.getPort();
            String authority = uri.getRawAuthority();
            if (port != uri.getPort() && uri.getHost() != null && authority != null) {
                int start = url.indexOf(authority);
                String changed = (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + uri.getHost()
                        + (port == -1 ? "" : ":" + port);
                urls.add(url.substring(0, start) + changed + url.substring(start + authority.length()));
            }
        } catch (URISyntaxException e) {
            // the URL as it is is the only candidate
        }
        return urls;
    }
}
