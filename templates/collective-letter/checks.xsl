<?xml version="1.0" encoding="UTF-8"?>
<!-- The checks of a TSB collective letter that its schema cannot express, run by
     circgen check after the schema and the generic checks (ids unique, every @ref
     resolved). Output: <diagnostics><error at="LINE:COL">message</error>...</diagnostics>;
     cg:locate(node) gives the position of a node in the source, cg:valid-date(s) and
     cg:valid-datetime(s) whether a string is a real ISO 8601 date (time). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:collective-letter"
                xmlns:cg="urn:circgen:xslt"
                extension-element-prefixes="cg"
                exclude-result-prefixes="c cg">
  <xsl:include href="../common/block-checks.xsl"/>
  <xsl:output method="xml" indent="no"/>

  <!-- The meeting's first day: the date-range of the subject. -->
  <xsl:variable name="meeting" select="/c:collective-letter/c:subject/c:date-range[1]"/>

  <xsl:template match="/">
    <diagnostics>
      <xsl:apply-templates select="//@date | //c:date/@value | //c:date-range/@from | //c:date-range/@to" mode="date"/>
      <xsl:apply-templates select="//c:deadline | //c:due[@at]" mode="datetime"/>
      <xsl:apply-templates select="//c:date-range" mode="check"/>
      <xsl:apply-templates select="c:collective-letter" mode="check"/>
      <xsl:apply-templates select="//c:due" mode="check"/>
      <xsl:apply-templates select="//c:annex-ref" mode="check"/>
      <xsl:call-template name="block-checks"/>
    </diagnostics>
  </xsl:template>

  <xsl:template match="@*" mode="date">
    <xsl:if test="not(cg:valid-date(string(.)))">
      <error at="{cg:locate(..)}">
        <xsl:value-of select="concat('&lt;', local-name(..), ' ', name(), '=&quot;', ., '&quot;&gt;: no such date')"/>
      </error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="datetime">
    <xsl:if test="not(cg:valid-datetime(string(@at)))">
      <error at="{cg:locate(.)}">&lt;<xsl:value-of select="local-name()"/> at="<xsl:value-of select="@at"/>"&gt;: no such date and time</error>
    </xsl:if>
  </xsl:template>

  <!-- ISO dates compare as numbers once the hyphens are gone. -->
  <xsl:template match="c:date-range" mode="check">
    <xsl:if test="cg:valid-date(string(@from)) and cg:valid-date(string(@to))
                  and number(translate(@from, '-', '')) &gt; number(translate(@to, '-', ''))">
      <error at="{cg:locate(.)}">&lt;date-range&gt;: the range ends (<xsl:value-of select="@to"/>) before it starts (<xsl:value-of select="@from"/>)</error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:collective-letter" mode="check">
    <xsl:if test="not($meeting)">
      <error at="{cg:locate(c:subject)}">&lt;subject&gt; gives no dates: write the meeting's dates in it as &lt;date-range from="YYYY-MM-DD" to="YYYY-MM-DD"/&gt;</error>
    </xsl:if>
    <xsl:if test="c:subject/c:date-range[2]">
      <error at="{cg:locate(c:subject/c:date-range[2])}">&lt;subject&gt; has a second &lt;date-range&gt;: it names one meeting, with one range of dates</error>
    </xsl:if>
    <xsl:if test="count(c:letter/c:deadlines) &gt; 1">
      <error at="{cg:locate(c:letter/c:deadlines[2])}">a second &lt;deadlines&gt; table: a collective letter has one</error>
    </xsl:if>
  </xsl:template>

  <!-- Each kind of deadline once; every deadline before the meeting starts. -->
  <xsl:template match="c:due" mode="check">
    <xsl:variable name="day" select="substring(concat(@date, @at), 1, 10)"/>
    <xsl:if test="count(@date | @at) != 1">
      <error at="{cg:locate(.)}">&lt;due what="<xsl:value-of select="@what"/>"&gt; needs one of date="YYYY-MM-DD" or at="YYYY-MM-DDThh:mm" (with zone)</error>
    </xsl:if>
    <xsl:if test="@at and not(@zone)">
      <error at="{cg:locate(.)}">&lt;due what="<xsl:value-of select="@what"/>" at="<xsl:value-of select="@at"/>"&gt; lacks its zone: add zone="UTC" or zone="Europe/Zurich"</error>
    </xsl:if>
    <xsl:if test="@zone and not(@at)">
      <error at="{cg:locate(.)}">&lt;due what="<xsl:value-of select="@what"/>"&gt;: zone="<xsl:value-of select="@zone"/>" goes with at="YYYY-MM-DDThh:mm", not with a day</error>
    </xsl:if>
    <xsl:if test="@what = 'other' and (not(@id) or normalize-space(.) = '')">
      <error at="{cg:locate(.)}">&lt;due what="other"&gt; says what is due in its text, with an id: &lt;due what="other" id="..." date="..."&gt;Submission of ...&lt;/due&gt;</error>
    </xsl:if>
    <xsl:if test="@what != 'other' and (@id or normalize-space(.) != '' or *)">
      <error at="{cg:locate(.)}">&lt;due what="<xsl:value-of select="@what"/>"&gt; takes its wording from the strings: leave it empty, or use what="other" for wording of your own</error>
    </xsl:if>
    <xsl:if test="@what != 'other' and preceding-sibling::c:due[@what = current()/@what]">
      <error at="{cg:locate(.)}">&lt;due what="<xsl:value-of select="@what"/>"&gt; is given twice: each kind of deadline once</error>
    </xsl:if>
    <xsl:if test="$meeting and cg:valid-date(string($day)) and cg:valid-date(string($meeting/@from))
                  and number(translate($day, '-', '')) &gt;= number(translate($meeting/@from, '-', ''))">
      <error at="{cg:locate(.)}">&lt;due what="<xsl:value-of select="@what"/>"&gt;: the deadline (<xsl:value-of select="$day"/>) is not before the meeting starts (<xsl:value-of select="$meeting/@from"/>, the date-range of the subject)</error>
    </xsl:if>
  </xsl:template>

  <xsl:template match="c:annex-ref" mode="check">
    <xsl:variable name="id" select="@ref"/>
    <xsl:if test="//*[@id = $id] and not(//c:annex[@id = $id])">
      <error at="{cg:locate(.)}">&lt;annex-ref ref="<xsl:value-of select="@ref"/>"&gt; points to a &lt;<xsl:value-of select="local-name(//*[@id = $id])"/>&gt;, not to an annex</error>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
