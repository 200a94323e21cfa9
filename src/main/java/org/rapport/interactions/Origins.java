package org.rapport.interactions;

import java.util.Locale;

import org.rapport.shared.EmailAddress;
import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;

/** Where an interaction came from: a call's country and region from the other side's number, an email's domain. */
@Component
class Origins {

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();

    InteractionView.Origin of(InteractionType type, Direction direction, String from, String to) {
        String other = direction == Direction.OUTBOUND ? firstOf(to) : from;
        if (other == null || other.isBlank()) {
            return null;
        }
        if (other.contains("@")) {
            try {
                return new InteractionView.Origin(null, null, EmailAddress.parse(other).domain());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (type == InteractionType.CALL || type == InteractionType.SMS || other.startsWith("+")) {
            return ofNumber(other);
        }
        return null;
    }

    private InteractionView.Origin ofNumber(String e164) {
        try {
            Phonenumber.PhoneNumber number = phones.parse(e164, null);
            String country = phones.getRegionCodeForNumber(number);
            if (country == null || "ZZ".equals(country) || "001".equals(country)) {
                return null;
            }
            String region = geocoder.getDescriptionForNumber(number, Locale.ENGLISH, country);
            return new InteractionView.Origin(country, region == null || region.isBlank() ? null : region, null);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String firstOf(String addresses) {
        if (addresses == null) {
            return null;
        }
        int comma = addresses.indexOf(',');
        return (comma < 0 ? addresses : addresses.substring(0, comma)).strip();
    }
}
