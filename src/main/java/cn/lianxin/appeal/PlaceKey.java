package cn.lianxin.appeal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The place of a request as the hotspots (未诉先办) compare it: the same place written twice the way
 * people write it — full-width or half-width digits, with or without spaces and punctuation, 3号楼 or
 * 3栋 or 3幢 — gives the same key. A request with no place has none.
 */
public final class PlaceKey {

    /** Longest key kept: the column's width. */
    static final int MAX_LENGTH = 200;

    private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+");
    private static final Pattern BUILDING = Pattern.compile("(号楼|幢|座)");

    private PlaceKey() {}

    /** The key of a place as typed, or {@code null} when it names none. */
    public static String of(String location) {
        if (location == null) {
            return null;
        }
        String key = Normalizer.normalize(location, Normalizer.Form.NFKC);
        key = NOISE.matcher(key).replaceAll("");
        key = BUILDING.matcher(key).replaceAll("栋").toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return null;
        }
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }
}
