package org.kefu.telephony.media;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A packet as the SRTP library wants it: a window (offset, length) on a byte array that it
 * transforms in place. Protecting appends the 10-byte tag (and the SRTCP index), so the array must
 * have room after the packet; both callers use arrays of a full UDP datagram's worth, and a packet
 * that would not fit is refused rather than reallocated on the media threads.
 */
final class PacketBuffer implements ByteArrayBuffer {
    private final byte[] bytes;
    private int offset;
    private int length;

    PacketBuffer(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Points the window at a packet of {@code length} bytes at the start of the array. */
    PacketBuffer packet(int length) {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("packet of " + length + " bytes in a buffer of " + bytes.length);
        }
        this.offset = 0;
        this.length = length;
        return this;
    }

    @Override
    public byte[] getBuffer() {
        return bytes;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int length) {
        if (offset + length > bytes.length) {
            throw new IllegalStateException("SRTP packet does not fit its buffer");
        }
        this.length = length;
    }

    @Override
    public void setOffset(int offset) {
        this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
        return false;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        System.arraycopy(bytes, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > bytes.length) {
            throw new IllegalStateException("SRTP packet does not fit its buffer");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, bytes, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
