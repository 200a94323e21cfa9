package org.rapport.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** A phone number in E.164 form (e.g. {@code +14155550123}), parsed with libphonenumber. */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Parses what a person typed; numbers without a country code are read in {@code defaultRegion} (ISO 3166, e.g. US).
     *
     * @throws IllegalArgumentException when it is not a valid phone number
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            throw new IllegalArgumentException("Enter a phone number");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new IllegalArgumentException("'" + raw.strip() + "' is not a valid phone number");
            }
            return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not a phone number");
        }
    }

    /** The number as people read it in its country, e.g. {@code +1 415-555-0123}. */
    public String international() {
        try {
            return UTIL.format(UTIL.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
