package com.batchtrace.web.audit;

import com.batchtrace.quality.boundary.BatchArchive;
import com.batchtrace.quality.boundary.BatchArchive.ArchivePackage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of audit/archive.xhtml: the retention list, every archive package of a batch record,
 * oldest first, with where it is. Nothing here deletes or changes a package.
 */
@Named
@ViewScoped
public class ArchivePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BatchArchive archive;

  private List<ArchivePackage> packages;

  public List<ArchivePackage> getPackages() {
    if (packages == null) {
      packages = archive.packages();
    }
    return packages;
  }

  public String getDirectory() {
    return BatchArchive.location();
  }
}
