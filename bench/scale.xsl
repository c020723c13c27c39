<?xml version="1.0" encoding="UTF-8"?>
<!-- Makes a document N times the size of a sample, for benchmarks: every paragraph
     and note of the letter and every draft of the drafts annex is repeated N times,
     copies k > 1 getting ids suffixed "-kK". With edit=1, the copy is also revised:
     in every third copy, a word of each summary paragraph is replaced and one word
     inserted; every tenth copy loses its last summary paragraph; every seventh copy's
     draft changes its source attribute. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:tsb-circular">
  <xsl:param name="n" select="1"/>
  <xsl:param name="edit" select="0"/>

  <xsl:template match="@*|node()" mode="copy">
    <xsl:param name="k"/>
    <xsl:copy>
      <xsl:apply-templates select="@*|node()" mode="copy"><xsl:with-param name="k" select="$k"/></xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="@id" mode="copy">
    <xsl:param name="k"/>
    <xsl:attribute name="id">
      <xsl:value-of select="."/>
      <xsl:if test="$k &gt; 1">-k<xsl:value-of select="$k"/></xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="c:draft/@number | c:draft/@former" mode="copy">
    <xsl:param name="k"/>
    <xsl:attribute name="{name()}">
      <xsl:value-of select="."/>
      <xsl:if test="$k &gt; 1">.<xsl:value-of select="$k"/></xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="c:draft/@source" mode="copy">
    <xsl:param name="k"/>
    <xsl:attribute name="source">
      <xsl:value-of select="."/>
      <xsl:if test="$edit = 1 and $k mod 7 = 0">-rev</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template match="c:p[last() &gt; 1 and position() = last()]" mode="copy">
    <xsl:param name="k"/>
    <xsl:if test="not($edit = 1 and $k mod 10 = 0)">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()" mode="copy"><xsl:with-param name="k" select="$k"/></xsl:apply-templates>
      </xsl:copy>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:p/text()[1]" mode="copy">
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$edit = 1 and $k mod 3 = 0 and contains(., ' the ')">
        <xsl:value-of select="concat(substring-before(., ' the '), ' a newly revised ', substring-after(., ' the '))"/>
      </xsl:when>
      <xsl:when test="$edit = 1 and $k mod 3 = 0 and contains(., '的')">
        <xsl:value-of select="concat(substring-before(., '的'), '之新', substring-after(., '的'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:template match="c:letter | c:annex[@type='drafts']">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:apply-templates select="c:title"/>
      <xsl:call-template name="repeat"><xsl:with-param name="k" select="1"/></xsl:call-template>
    </xsl:copy>
  </xsl:template>

  <xsl:template name="repeat">
    <xsl:param name="k"/>
    <xsl:if test="$k &lt;= $n">
      <xsl:apply-templates select="c:para | c:note | c:draft" mode="copy"><xsl:with-param name="k" select="$k"/></xsl:apply-templates>
      <xsl:call-template name="repeat"><xsl:with-param name="k" select="$k + 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
