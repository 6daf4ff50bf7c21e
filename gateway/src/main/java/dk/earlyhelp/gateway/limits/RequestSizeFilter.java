package dk.earlyhelp.gateway.limits;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a request body over the limit with 413 before it is read: at once by its declared
 * length, and a chunked body (no declared length) by reading at most the limit into memory and
 * passing on only what fits, so an oversized body never reaches a service. A chunked form that
 * fits is parsed here, since Tomcat can no longer read it (and would fail over its own form limit).
 * An import of historical answers may be larger ({@link LimitsProperties#IMPORT_PATH}).
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    private final int defaultMaxBytes;
    private final int importMaxBytes;
    private final ProblemResponses problems;

    RequestSizeFilter(long maxBytes, long importMaxBytes, ProblemResponses problems) {
        this.defaultMaxBytes = Math.toIntExact(maxBytes);
        this.importMaxBytes = Math.toIntExact(importMaxBytes);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int maxBytes = "POST".equals(request.getMethod()) && LimitsProperties.IMPORT_PATH.equals(request.getRequestURI())
                ? importMaxBytes : defaultMaxBytes;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, maxBytes);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(response, maxBytes);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, int maxBytes) throws IOException {
        problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
                "The request body is larger than the " + maxBytes + " bytes the gateway accepts.");
    }

    /** A chunked body that fitted, read once and handed on from memory; a form's fields with it. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String[]> parameters;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            Map<String, List<String>> fields = new LinkedHashMap<>();
            parse(request.getQueryString(), fields);
            String type = request.getContentType();
            if (type != null && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                parse(new String(body, charset()), fields);
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        private void parse(String encoded, Map<String, List<String>> fields) {
            if (encoded == null || encoded.isEmpty()) {
                return;
            }
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset());
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset());
                fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
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
