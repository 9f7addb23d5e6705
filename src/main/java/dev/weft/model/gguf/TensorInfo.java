package dev.weft.model.gguf;

/** One row of a GGUF tensor table: name, shape (innermost dimension first, as ggml's ne), type, data offset. */
record TensorInfo(String name, long[] dims, GgmlType type, long offset) {
    private static final int MAX_DIMS = 4;

    long elements() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    static TensorInfo read(HeaderCursor in, String file) throws GgufException {
        String name = in.string("tensor name");
        int nDims = in.i32("dimensions of " + name);
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw in.error("tensor " + name + " has " + nDims + " dimensions (1.." + MAX_DIMS + " allowed)");
        }
        long[] dims = new long[nDims];
        long elements = 1;
        for (int i = 0; i < nDims; i++) {
            dims[i] = in.i64("dimension of " + name);
            if (dims[i] <= 0 || dims[i] > Long.MAX_VALUE / 256 / elements) {
                throw in.error("tensor " + name + " has an impossible dimension " + Long.toUnsignedString(dims[i]));
            }
            elements *= dims[i];
        }
        int typeId = in.i32("type of " + name);
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw in.error("tensor " + name + " has type " + GgmlType.nameOfId(typeId) + ", which is not supported"
                    + " (supported: " + GgmlType.supported() + ")");
        }
        if (dims[0] % type.blockSize() != 0) {
            throw in.error("tensor " + name + " has rows of " + dims[0] + " values, not a multiple of the "
                    + type + " block of " + type.blockSize());
        }
        long offset = in.i64("offset of " + name);
        return new TensorInfo(name, dims, type, offset);
    }
}
