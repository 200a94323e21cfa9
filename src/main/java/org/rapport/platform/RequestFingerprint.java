package org.rapport.platform;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

import org.springframework.http.MediaType;

/** A request to run (its body read once) and the SHA-256 of its method, path, query and body. */
record RequestFingerprint(HttpServletRequest request, byte[] hash) {

    /**
     * Reads what tells two requests apart: a multipart body by its parts (their boundary differs on every send),
     * a form by its parameters, any other body as bytes (handed on to the request that runs). Null when a
     * multipart body cannot be read, so that the request runs and reports the problem itself.
     */
    static RequestFingerprint of(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        update(digest, request.getMethod());
        update(digest, request.getRequestURI());
        update(digest, request.getQueryString());
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            try {
                for (Part part : request.getParts()) {
                    update(digest, part.getName());
                    update(digest, part.getSubmittedFileName());
                    try (InputStream in = part.getInputStream()) {
                        update(digest, sha256().digest(in.readAllBytes()));
                    }
                }
            } catch (IllegalStateException | IOException | ServletException e) {
                return null;
            }
            return new RequestFingerprint(request, digest.digest());
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
                update(digest, name);
                Arrays.stream(values).forEach(v -> update(digest, v));
            });
            return new RequestFingerprint(request, digest.digest());
        }
        byte[] body = request.getInputStream().readAllBytes();
        update(digest, body);
        return new RequestFingerprint(new CachedBodyRequest(request, body), digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        update(digest, value == null ? new byte[] {0} : ("\u0001" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, served again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
