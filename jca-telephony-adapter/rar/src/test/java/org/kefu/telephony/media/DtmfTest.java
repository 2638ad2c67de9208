package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfTest {

    @Test
    void telephoneEventWireFormat() {
        TelephoneEvent e = new TelephoneEvent(11, true, 10, 800);
        assertThat(e.encode()).containsExactly(11, 0x8A, 0x03, 0x20);
        TelephoneEvent d = TelephoneEvent.decode(new byte[] {11, (byte) 0x8A, 0x03, 0x20});
        assertThat(d.digit()).isEqualTo('#');
        assertThat(d.isEnd()).isTrue();
        assertThat(d.volume()).isEqualTo(10);
        assertThat(d.duration()).isEqualTo(800);
        assertThat(TelephoneEvent.decode(new byte[3])).isNull();
        assertThat(TelephoneEvent.eventCode('*')).isEqualTo(10);
        assertThat(TelephoneEvent.eventCode('d')).isEqualTo(15);
        assertThat(new TelephoneEvent(16, false, 0, 0).digit()).as("flash is not a digit").isEqualTo((char) 0);
        assertThat(d.toString()).doesNotContain("#").doesNotContain("11");
    }

    @Test
    void decoderReportsEachPressOnceDespiteRetransmittedEndPackets() {
        DtmfDecoder dec = new DtmfDecoder();
        StringBuilder got = new StringBuilder();
        // "55": two presses of the same key, different timestamps; each end packet sent 3 times
        for (long ts : new long[] {1000, 2600}) {
            for (int i = 1; i <= 5; i++) {
                append(got, dec.onPacket(ts, new TelephoneEvent(5, false, 10, i * 160)));
            }
            for (int i = 0; i < 3; i++) {
                append(got, dec.onPacket(ts, new TelephoneEvent(5, true, 10, 800)));
            }
        }
        // a late retransmission of the first press must not count again
        append(got, dec.onPacket(1000, new TelephoneEvent(5, true, 10, 800)));
        assertThat(got.toString()).isEqualTo("55");
    }

    @Test
    void decoderReportsAPressWhoseStartPacketsWereLostAndHandlesTimestampWrap() {
        DtmfDecoder dec = new DtmfDecoder();
        assertThat(dec.onPacket(0xFFFFFF00L, new TelephoneEvent(1, true, 10, 800))).isEqualTo('1');
        assertThat(dec.onPacket(0x00000100L, new TelephoneEvent(2, false, 10, 160))).isEqualTo('2');
    }

    private static void append(StringBuilder sb, char c) {
        if (c != 0) {
            sb.append(c);
        }
    }

    @Test
    void senderProducesMarkerGrowingDurationThreeEndPacketsAndAGap() {
        DtmfSender sender = new DtmfSender(100, 60);
        sender.enqueue("1#");
        List<DtmfSender.Step> steps = new ArrayList<>();
        long ts = 0;
        int audioTicks = 0;
        for (int tick = 0; tick < 40; tick++, ts += 160) {
            DtmfSender.Step s = sender.next(ts);
            if (s == null) {
                audioTicks++;
            } else {
                steps.add(s);
            }
        }
        assertThat(steps).hasSize(16); // 2 digits x (5 + 3 end)
        DtmfSender.Step first = steps.get(0);
        assertThat(first.marker()).isTrue();
        assertThat(first.event().digit()).isEqualTo('1');
        assertThat(first.event().duration()).isEqualTo(160);
        assertThat(steps.subList(0, 8)).allMatch(s -> s.timestamp() == 0);
        assertThat(steps.get(4).event().duration()).isEqualTo(800);
        assertThat(steps.subList(5, 8)).allMatch(s -> s.event().isEnd() && s.event().duration() == 800 && !s.marker());
        assertThat(steps.get(8).event().digit()).isEqualTo('#');
        assertThat(steps.get(8).marker()).isTrue();
        assertThat(steps.get(8).timestamp()).isEqualTo(11 * 160); // 8 event ticks + 3 gap ticks
        assertThat(sender.isIdle()).isTrue();
        assertThat(audioTicks).isEqualTo(40 - 16);
        // what we send, our own decoder reads back exactly once per digit
        DtmfDecoder dec = new DtmfDecoder();
        StringBuilder got = new StringBuilder();
        steps.forEach(s -> append(got, dec.onPacket(s.timestamp(), s.event())));
        assertThat(got.toString()).isEqualTo("1#");
    }

    @Test
    void relayBodyIsWhatPhonesSendAndParsesBack() {
        String body = DtmfRelay.relayBody('#', 100);
        assertThat(body).isEqualTo("Signal=#\r\nDuration=100\r\n");
        assertThat(DtmfRelay.parse("application/dtmf-relay", body).digit()).isEqualTo('#');
        assertThat(DtmfRelay.parse("application/dtmf-relay", DtmfRelay.relayBody('b', 250)).durationMillis()).isEqualTo(250);
        assertThatThrownBy(() -> DtmfRelay.relayBody('x', 100)).hasMessageNotContaining("x");
    }

    @Test
    void senderRejectsNonDtmfWithoutEchoingTheInput() {
        assertThatThrownBy(() -> new DtmfSender().enqueue("12x4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 2").hasMessageNotContaining("12x4");
    }

    @Test
    void dtmfRelayParsing() {
        DtmfRelay r = DtmfRelay.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
        assertThat(r.digit()).isEqualTo('5');
        assertThat(r.durationMillis()).isEqualTo(160);
        assertThat(DtmfRelay.parse("Application/DTMF-Relay; charset=x", "signal= *\nduration= 100").digit()).isEqualTo('*');
        assertThat(DtmfRelay.parse("application/dtmf-relay", "Signal=11\r\nDuration=100").digit()).isEqualTo('#');
        assertThat(DtmfRelay.parse("application/dtmf-relay", "Signal=10").digit()).isEqualTo('*');
        assertThat(DtmfRelay.parse("application/dtmf-relay", "Signal=a").digit()).isEqualTo('A');
        assertThat(DtmfRelay.parse("application/dtmf", "7").digit()).isEqualTo('7');
        assertThat(DtmfRelay.parse("application/dtmf-relay", "Signal=9").durationMillis()).isEqualTo(250);
        assertThat(r.toString()).doesNotContain("5");
        assertThatThrownBy(() -> DtmfRelay.parse("application/dtmf-relay", "Duration=160"))
                .hasMessageContaining("no Signal");
        assertThatThrownBy(() -> DtmfRelay.parse("application/dtmf-relay", "Signal=55"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("55");
        assertThatThrownBy(() -> DtmfRelay.parse("application/dtmf-relay", "Signal=5\r\nDuration=abc"))
                .hasMessageContaining("Duration");
        assertThatThrownBy(() -> DtmfRelay.parse("text/plain", "Signal=5")).hasMessageContaining("content type");
    }
}
