package cn.lianxin.citizen;

/**
 * Marks a request body that refuses JSON fields it does not declare, with 400 naming the field,
 * while the application keeps Jackson's lenient default for every other body (see
 * {@link StrictRequestBodies}). A public request must not look as if it had set something the
 * server owns ({@code origin}, {@code status}, …) and silently be answered 201 with the server's
 * value instead.
 */
public interface RefusesUnknownFields {}
