#pragma once

namespace llmos::serve {

class ApiRouter;
class FineTuningJobs;
class UploadedFiles;

// OpenAI's files and fine-tuning routes (management keys only: they write to the disk and
// start training), as the official clients call them (docs/api.md, "Fine-tuning"):
//   POST   /v1/files                      multipart/form-data: file, purpose "fine-tune"
//   GET    /v1/files                      ?purpose=
//   GET    /v1/files/{file_id}
//   GET    /v1/files/{file_id}/content
//   DELETE /v1/files/{file_id}            409 while a job that has not ended trains on it
//   POST   /v1/fine_tuning/jobs
//   GET    /v1/fine_tuning/jobs           ?after=&limit=, newest first
//   GET    /v1/fine_tuning/jobs/{fine_tuning_job_id}
//   POST   /v1/fine_tuning/jobs/{fine_tuning_job_id}/cancel | pause | resume
//   GET    /v1/fine_tuning/jobs/{fine_tuning_job_id}/events        ?after=&limit=, newest first
//   GET    /v1/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints   ?after=&limit=, newest first
void addFineTuningRoutes(ApiRouter &router, UploadedFiles &files, FineTuningJobs &jobs);

} // namespace llmos::serve
