package org.kefu.web.api;

/**
 * Which slice of a long list a request asks for: {@code offset} rows skipped (default 0) and at
 * most {@code limit} returned (default and ceiling per list); anything else is a 400
 * ({@link InvalidBody}) naming the parameter. Strings, not ints: a JAX-RS int parameter that does
 * not parse answers 404, which would tell the client the list does not exist.
 */
record Page(int offset, int limit) {

    static Page of(String offset, String limit, int defaultLimit, int maxLimit) {
        return new Page(number("offset", offset, 0, 0, Integer.MAX_VALUE), number("limit", limit, defaultLimit, 1, maxLimit));
    }

    private static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidBody(name + " must be a whole number from " + min + " to " + max);
    }
}
