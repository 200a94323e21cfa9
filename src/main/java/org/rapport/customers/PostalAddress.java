package org.rapport.customers;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; {@code country} is an ISO 3166 alpha-2 code. */
public record PostalAddress(@Size(max = 200) String street, @Size(max = 100) String city,
                            @Size(max = 100) String region, @Size(max = 20) String postalCode,
                            @Pattern(regexp = "[A-Z]{2}", message = "use a two-letter ISO country code") String country) {

    /** The address on one line, its parts separated by commas. */
    public String oneLine() {
        return java.util.stream.Stream.of(street, postalCode, city, region, country)
                .filter(part -> !blank(part)).collect(java.util.stream.Collectors.joining(", "));
    }

    boolean isEmpty() {
        return blank(street) && blank(city) && blank(region) && blank(postalCode) && blank(country);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
