package org.kefu.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which prefixes of a caller number are looked up in phone_region, longest first. */
class PhoneRegionsTest {

    @Test
    void aMobileIsLookedUpByItsSevenDigitSegmentThenItsCarrierPrefix() {
        assertEquals(List.of("1380013", "138"), PhoneRegions.prefixesOf("13800138000"));
        assertEquals(List.of("1380013", "138"), PhoneRegions.prefixesOf("+86 138-0013-8000"));
    }

    @Test
    void aLandlineIsLookedUpByFourThenThreeDigitAreaCode() {
        assertEquals(List.of("0755", "075"), PhoneRegions.prefixesOf("075512345678"));
        assertEquals(List.of("0105", "010"), PhoneRegions.prefixesOf("01058881234"));
    }

    @Test
    void somethingThatIsNoNumberHasNoPrefix() {
        assertEquals(List.of(), PhoneRegions.prefixesOf(null));
        assertEquals(List.of(), PhoneRegions.prefixesOf("anonymous"));
        assertEquals(List.of(), PhoneRegions.prefixesOf("8001"));
    }
}
