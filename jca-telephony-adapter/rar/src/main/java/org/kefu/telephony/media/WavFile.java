package org.kefu.telephony.media;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the WAV files used for prompts and recordings. Reads 8 kHz mono 16-bit PCM and
 * 8 kHz mono G.711 (µ-law, A-law) WAVs and always returns linear PCM; anything else is refused with
 * an {@link UnsupportedAudioFormatException} naming the file and its actual format, because a
 * resampling bug on a live call is much worse than a clear error when a prompt is uploaded.
 */
public final class WavFile {
    static final int FORMAT_PCM = 1;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_MULAW = 7;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MAX_BYTES = 64 * 1024 * 1024; // a prompt is never this big; protects the heap

    private WavFile() {
    }

    public static short[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * @param name used in error messages only
     */
    public static short[] read(InputStream input, String name) throws IOException {
        DataInputStream in = new DataInputStream(input);
        byte[] riff = new byte[12];
        try {
            in.readFully(riff);
        } catch (EOFException e) {
            throw new UnsupportedAudioFormatException("WAV '" + name + "': file too short to be a WAV");
        }
        if (!"RIFF".equals(ascii(riff, 0)) || !"WAVE".equals(ascii(riff, 8))) {
            throw new UnsupportedAudioFormatException("WAV '" + name + "': not a RIFF/WAVE file");
        }
        int format = -1;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        byte[] header = new byte[8];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException e) {
                throw new UnsupportedAudioFormatException("WAV '" + name + "': no data chunk");
            }
            String id = ascii(header, 0);
            long size = ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            if ("fmt ".equals(id)) {
                if (size < 16 || size > 1024) {
                    throw new UnsupportedAudioFormatException("WAV '" + name + "': bad fmt chunk");
                }
                byte[] fmt = new byte[(int) size];
                in.readFully(fmt);
                ByteBuffer b = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
                format = b.getShort(0) & 0xFFFF;
                channels = b.getShort(2) & 0xFFFF;
                sampleRate = b.getInt(4);
                bits = b.getShort(14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 26) {
                    format = b.getShort(24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
                skipPad(in, size);
            } else if ("data".equals(id)) {
                if (format < 0) {
                    throw new UnsupportedAudioFormatException("WAV '" + name + "': data chunk before fmt chunk");
                }
                checkFormat(name, format, channels, sampleRate, bits);
                return readData(in, name, size, format);
            } else {
                skipFully(in, size);
                skipPad(in, size);
            }
        }
    }

    private static void checkFormat(String name, int format, int channels, int rate, int bits)
            throws UnsupportedAudioFormatException {
        boolean ok = rate == Audio.SAMPLE_RATE && channels == 1
                && ((format == FORMAT_PCM && bits == 16)
                || ((format == FORMAT_ALAW || format == FORMAT_MULAW) && bits == 8));
        if (!ok) {
            throw new UnsupportedAudioFormatException("WAV '" + name + "': " + rate + " Hz, " + channels
                    + " channel(s), " + bits + "-bit " + formatName(format)
                    + " is not supported; expected 8000 Hz mono 16-bit PCM or 8000 Hz mono G.711 (A-law/µ-law)."
                    + " Convert with: sox in.wav -r 8000 -c 1 -b 16 -e signed-integer out.wav");
        }
    }

    private static String formatName(int format) {
        switch (format) {
            case FORMAT_PCM: return "PCM";
            case FORMAT_ALAW: return "A-law";
            case FORMAT_MULAW: return "µ-law";
            case 3: return "IEEE float";
            default: return "format 0x" + Integer.toHexString(format);
        }
    }

    private static short[] readData(DataInputStream in, String name, long declared, int format) throws IOException {
        // Some writers (streaming tools) leave the size at 0 or 0xFFFFFFFF: then read to end of stream.
        boolean trustSize = declared > 0 && declared < 0xFFFFFFFFL;
        if (trustSize && declared > MAX_BYTES) {
            throw new UnsupportedAudioFormatException("WAV '" + name + "': data chunk too large (" + declared + " bytes)");
        }
        byte[] data;
        if (trustSize) {
            data = new byte[(int) declared];
            int n = in.readNBytes(data, 0, data.length);
            if (n < data.length) { // truncated file: use what is there
                data = java.util.Arrays.copyOf(data, n);
            }
        } else {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                bos.write(buf, 0, n);
                if (bos.size() > MAX_BYTES) {
                    throw new UnsupportedAudioFormatException("WAV '" + name + "': data too large");
                }
            }
            data = bos.toByteArray();
        }
        if (format == FORMAT_PCM) {
            short[] out = new short[data.length / 2];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
            return out;
        }
        AudioCodec codec = format == FORMAT_ALAW ? AudioCodec.PCMA : AudioCodec.PCMU;
        return codec.decode(data, 0, data.length);
    }

    /** Writes a complete 8 kHz mono 16-bit PCM WAV. */
    public static void write(Path file, short[] samples) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(samples.length * 2L));
            ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            b.asShortBuffer().put(samples);
            out.write(b.array());
        }
    }

    /** The 44-byte canonical header for 8 kHz mono 16-bit PCM with the given data size. */
    static byte[] header(long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1)
                .putInt(Audio.SAMPLE_RATE).putInt(Audio.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return b.array();
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static void skipPad(DataInputStream in, long size) throws IOException {
        if ((size & 1) != 0) {
            in.read(); // RIFF chunks are word aligned
        }
    }

    private static void skipFully(DataInputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new UnsupportedAudioFormatException("WAV: unexpected end of file");
                }
                s = 1;
            }
            left -= s;
        }
    }
}
