package org.kefu.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which legs may carry SRTP keys and which must be SRTP, per SrtpPolicy (issue 14 item 9). */
class MediaSecurityTest {

    @Test
    void keysTravelOnlyOnTlsLegsAndOnlyWhenSrtpIsOn() {
        for (boolean extension : new boolean[] {true, false}) {
            assertThat(MediaSecurity.forLeg(SrtpPolicy.OFF, true, extension)).isEqualTo(MediaSecurity.CLEAR_ONLY);
            assertThat(MediaSecurity.forLeg(SrtpPolicy.OFF, false, extension)).isEqualTo(MediaSecurity.CLEAR_ONLY);
            assertThat(MediaSecurity.forLeg(SrtpPolicy.OPTIONAL, true, extension)).isEqualTo(MediaSecurity.SRTP_PREFERRED);
            assertThat(MediaSecurity.forLeg(SrtpPolicy.OPTIONAL, false, extension)).isEqualTo(MediaSecurity.CLEAR_ONLY);
        }
        for (SrtpPolicy p : SrtpPolicy.values()) {
            for (boolean ext : new boolean[] {true, false}) {
                assertThat(MediaSecurity.forLeg(p, false, ext).offersSrtp()).as("never a key over plain signalling").isFalse();
            }
        }
    }

    @Test
    void requiredBindsExtensionsNotTrunks() {
        assertThat(MediaSecurity.forLeg(SrtpPolicy.REQUIRED, true, true)).isEqualTo(MediaSecurity.SRTP_ONLY);
        assertThat(MediaSecurity.forLeg(SrtpPolicy.REQUIRED, false, true)).isEqualTo(MediaSecurity.REFUSED);
        assertThat(MediaSecurity.forLeg(SrtpPolicy.REQUIRED, true, false)).isEqualTo(MediaSecurity.SRTP_PREFERRED);
        assertThat(MediaSecurity.forLeg(SrtpPolicy.REQUIRED, false, false)).isEqualTo(MediaSecurity.CLEAR_ONLY);
    }

    @Test
    void thePropertyIsReadStrictly() {
        assertThat(SrtpPolicy.parse("")).isEqualTo(SrtpPolicy.OPTIONAL);
        assertThat(SrtpPolicy.parse(" Required ")).isEqualTo(SrtpPolicy.REQUIRED);
        assertThat(SrtpPolicy.parse("off")).isEqualTo(SrtpPolicy.OFF);
        assertThatThrownBy(() -> SrtpPolicy.parse("mandatory")).hasMessageContaining("off, optional or required");
    }
}
