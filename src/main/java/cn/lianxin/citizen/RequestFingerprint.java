package cn.lianxin.citizen;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a request's canonical form, stored beside its {@code Idempotency-Key} so that a
 * retry can be told from a different request under the same key. The canonical form is the
 * request record's components in declaration order, each as its name and its value with their
 * lengths ({@code null} marked apart from empty): the order of keys in the JSON, whitespace and
 * fields the record does not have make no difference.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    /** 64 lower-case hex digits. */
    public static String of(Record request) {
        StringBuilder canonical = new StringBuilder(request.getClass().getSimpleName()).append('\n');
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value;
            try {
                // a feature's request record is package-private to its feature
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(request);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
            canonical.append(component.getName().length()).append(':').append(component.getName());
            if (value == null) {
                canonical.append("=null\n");
            } else {
                String text = value.toString();
                canonical
                        .append('=')
                        .append(text.length())
                        .append(':')
                        .append(text)
                        .append('\n');
            }
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
