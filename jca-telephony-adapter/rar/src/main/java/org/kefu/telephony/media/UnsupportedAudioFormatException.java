package org.kefu.telephony.media;

import java.io.IOException;

/** A WAV (or other audio input) that the engine cannot play: the message says what it is and what is expected. */
public class UnsupportedAudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedAudioFormatException(String message) {
        super(message);
    }
}
