package dev.weft.model.gguf;

/**
 * GGUF metadata values as Java values: integers of every width as {@link Long}, float32 as
 * {@link Float}, float64 as {@link Double}, {@link Boolean}, {@link String}; arrays as
 * {@code long[]}, {@code float[]}, {@code double[]}, {@code boolean[]} or {@code String[]}.
 */
final class MetadataValue {
    private static final int UINT8 = 0, INT8 = 1, UINT16 = 2, INT16 = 3, UINT32 = 4, INT32 = 5, FLOAT32 = 6,
            BOOL = 7, STRING = 8, ARRAY = 9, UINT64 = 10, INT64 = 11, FLOAT64 = 12;

    private MetadataValue() {}

    static Object read(HeaderCursor in, int type, String key) throws GgufException {
        switch (type) {
            case UINT8: return (long) in.u8(key);
            case INT8: return (long) (byte) in.u8(key);
            case UINT16: return (long) (in.i16(key) & 0xffff);
            case INT16: return (long) in.i16(key);
            case UINT32: return in.i32(key) & 0xffffffffL;
            case INT32: return (long) in.i32(key);
            case FLOAT32: return in.f32(key);
            case BOOL: return in.u8(key) != 0;
            case STRING: return in.string(key);
            case UINT64: case INT64: return in.i64(key);
            case FLOAT64: return in.f64(key);
            case ARRAY: return array(in, key);
            default: throw in.error("metadata " + key + " has unknown value type " + type);
        }
    }

    private static Object array(HeaderCursor in, String key) throws GgufException {
        int type = in.i32("element type of " + key);
        switch (type) {
            case STRING: {
                int n = (int) Math.min(in.count("length of " + key, 8), Integer.MAX_VALUE);
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.string(key + "[" + i + "]");
                }
                return values;
            }
            case FLOAT32: {
                int n = (int) Math.min(in.count("length of " + key, 4), Integer.MAX_VALUE);
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.f32(key);
                }
                return values;
            }
            case FLOAT64: {
                int n = (int) Math.min(in.count("length of " + key, 8), Integer.MAX_VALUE);
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.f64(key);
                }
                return values;
            }
            case BOOL: {
                int n = (int) Math.min(in.count("length of " + key, 1), Integer.MAX_VALUE);
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.u8(key) != 0;
                }
                return values;
            }
            case UINT8: case INT8: case UINT16: case INT16: case UINT32: case INT32: case UINT64: case INT64: {
                int width = type == UINT8 || type == INT8 ? 1 : type == UINT16 || type == INT16 ? 2
                        : type == UINT32 || type == INT32 ? 4 : 8;
                int n = (int) Math.min(in.count("length of " + key, width), Integer.MAX_VALUE);
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = (Long) read(in, type, key);
                }
                return values;
            }
            case ARRAY:
                throw in.error("metadata " + key + " is an array of arrays, which weft does not read");
            default:
                throw in.error("metadata " + key + " has unknown element type " + type);
        }
    }

    static String describe(Object v) {
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Long) {
            return "an integer";
        }
        if (v instanceof Float || v instanceof Double) {
            return "a float";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "an array";
    }
}
