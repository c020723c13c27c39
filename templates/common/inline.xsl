<?xml version="1.0" encoding="UTF-8"?>
<!-- The text of the inline data shared by all document types (common/inline.rng), in
     mode "inline", for HTML and XSL-FO alike. Elements are matched by local name: each
     document type has its own namespace, and these elements mean the same in all.
     Links and emphasis, which differ per output, are in html-inline.xsl and
     fo-inline.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:s="urn:circgen:strings" exclude-result-prefixes="s">

  <xsl:template match="*[local-name() = 'date']" mode="inline">
    <xsl:call-template name="format-date"><xsl:with-param name="iso" select="@value"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'date-range']" mode="inline">
    <xsl:call-template name="format-date-range">
      <xsl:with-param name="from" select="@from"/>
      <xsl:with-param name="to" select="@to"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'deadline']" mode="inline">
    <xsl:call-template name="format-deadline">
      <xsl:with-param name="at" select="@at"/>
      <xsl:with-param name="zone" select="@zone"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'time']" mode="inline">
    <xsl:call-template name="format-time">
      <xsl:with-param name="value" select="@value"/>
      <xsl:with-param name="zone" select="@zone"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'time-range']" mode="inline">
    <xsl:call-template name="format-time-range">
      <xsl:with-param name="from" select="@from"/>
      <xsl:with-param name="to" select="@to"/>
      <xsl:with-param name="zone" select="@zone"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*[local-name() = 'br']" mode="inline">
    <xsl:call-template name="line-break"/>
  </xsl:template>

  <xsl:template match="*[local-name() = 'docref' or local-name() = 'phone']" mode="inline">
    <xsl:call-template name="identifier"><xsl:with-param name="v" select="."/></xsl:call-template>
  </xsl:template>

  <!-- A Recommendation number joins the Latin text next to it ("ITU-T Y.3061" stays one
       left-to-right run in Arabic text: an embedding, not an isolate). -->
  <xsl:template match="*[local-name() = 'rec']" mode="inline">
    <xsl:call-template name="identifier"><xsl:with-param name="v" select="."/><xsl:with-param name="join" select="true()"/></xsl:call-template>
  </xsl:template>

  <!-- Prose, with the typography of the document's language (common/typography.xsl,
       included by common/l10n.xsl). -->
  <xsl:template match="text()" mode="inline">
    <xsl:choose>
      <!-- "... 21 ноября 2025 г." ends its sentence with the date's own full stop. -->
      <xsl:when test="starts-with(., '.') and preceding-sibling::node()[1][self::*[local-name() = 'date'
                      or local-name() = 'date-range' or local-name() = 'deadline']] and $date-ends-with-stop">
        <xsl:call-template name="typography"><xsl:with-param name="t" select="substring(., 2)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="typography"><xsl:with-param name="t" select="."/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Does a date of this language end with a full stop (Russian "2025 г.")? -->
  <xsl:variable name="date-ends-with-stop"
                select="substring(normalize-space($strings/s:s[@id = 'date']), string-length(normalize-space($strings/s:s[@id = 'date']))) = '.'"/>

  <!-- The plain text of a unit (for titles and metadata). -->
  <xsl:template match="*" mode="text">
    <xsl:variable name="t"><xsl:apply-templates mode="inline"/></xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>

  <!-- The address a url element links to. -->
  <xsl:template name="url-href">
    <xsl:choose>
      <xsl:when test="@href"><xsl:value-of select="@href"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('https://', .)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
