package org.kefu.telephony.switching;

import org.junit.jupiter.api.Test;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.DeviceId;
import org.kefu.telephony.TelephonyException;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * sendDigits refuses bad input before it looks for the call, with a reason that never repeats
 * what was typed (it may be part of a PIN). The switch is not started: nothing can be sent.
 */
class SendDigitsInputTest {

    private final SipSwitch sw = new SipSwitch(new SwitchConfig("127.0.0.1", 5060, "127.0.0.1", List.of("127.0.0.0/8"),
            "kefu", 20000, 20100, Path.of("target"), null, null), Runnable::run, () -> null);
    private final ConnectionId leg = new ConnectionId(new CallId("c1"), new DeviceId("8001"));

    @Test
    void aCharacterThatIsNoDtmfKeyIsRefusedByPositionOnly() {
        assertThatThrownBy(() -> sw.sendDigits(leg, "12x4"))
                .isInstanceOf(TelephonyException.class)
                .hasMessageContaining("character 3")
                .hasMessageContaining("0-9 * # A-D")
                .hasMessageNotContaining("12x4");
        assertThatThrownBy(() -> sw.sendDigits(leg, "9 1")).hasMessageContaining("character 2");
    }

    @Test
    void emptyOrTooManyDigitsAreRefused() {
        assertThatThrownBy(() -> sw.sendDigits(leg, "")).isInstanceOf(TelephonyException.class).hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> sw.sendDigits(leg, null)).isInstanceOf(TelephonyException.class);
        assertThatThrownBy(() -> sw.sendDigits(leg, "1".repeat(33))).hasMessageContaining("not 33");
    }

    @Test
    void validDigitsForAnUnknownCallAreRefusedAsSuch() {
        assertThatThrownBy(() -> sw.sendDigits(leg, "0123456789*#ABCDabcd"))
                .isInstanceOf(TelephonyException.class).hasMessageContaining("no such call");
    }
}
