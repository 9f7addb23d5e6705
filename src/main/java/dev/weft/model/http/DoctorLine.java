package dev.weft.model.http;

/** One line of the doctor's report: how it went and what to say. The caller picks symbols and colours. */
public record DoctorLine(Status status, String text) {
    public enum Status { OK, WARN, FAIL, INFO }

    public static DoctorLine ok(String text) {
        return new DoctorLine(Status.OK, text);
    }

    public static DoctorLine warn(String text) {
        return new DoctorLine(Status.WARN, text);
    }

    public static DoctorLine fail(String text) {
        return new DoctorLine(Status.FAIL, text);
    }

    public static DoctorLine info(String text) {
        return new DoctorLine(Status.INFO, text);
    }
}
