package io.ctipipe.mapper.internals;

/** One IOC a pattern yields, before the Indicator's fields are added: type and value. */
public record IocValue(String type, String value) {
    public static final String IPV4 = "IPV4";
    public static final String IPV6 = "IPV6";
    public static final String DNS = "DNS";
    public static final String URL = "URL";
    public static final String MD5 = "MD5";
    public static final String SHA1 = "SHA1";
    public static final String SHA256 = "SHA256";
}
