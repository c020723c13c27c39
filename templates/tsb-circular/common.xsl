<?xml version="1.0" encoding="UTF-8"?>
<!-- What the HTML and the XSL-FO of a TSB circular share: the string catalog, the
     numbering of paragraphs, notes and annexes, the text of inline data, the lists of
     drafts and the headings made from a draft's data. Included by html.xsl and fo.xsl,
     which supply the "line-break" template and the inline templates that make links
     and emphasis (email, url, b, i) in their own vocabulary. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:c="urn:circgen:tsb-circular"
                xmlns:s="urn:circgen:strings"
                exclude-result-prefixes="c s">

  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../common/inline.xsl"/>
  <xsl:include href="../common/block.xsl"/>

  <xsl:variable name="lang" select="/c:circular/@xml:lang"/>
  <xsl:variable name="strings" select="document(concat('strings/', $lang, '.xml'))/s:strings"/>
  <xsl:variable name="number" select="/c:circular/@number"/>
  <xsl:variable name="out-lang">
    <xsl:call-template name="output-lang"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
  </xsl:variable>

  <!-- "TSB Circular 50" -->
  <xsl:variable name="circular-name">
    <xsl:call-template name="str-text">
      <xsl:with-param name="key" select="'circular-name'"/>
      <xsl:with-param name="args"><a n="number"><xsl:value-of select="$number"/></a></xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <!-- Inline data of this type (the shared kinds are in common/inline.xsl). -->
  <xsl:template match="c:annex-ref" mode="inline">
    <xsl:variable name="id" select="@ref"/>
    <xsl:call-template name="annex-name">
      <xsl:with-param name="annex" select="/c:circular/c:annex[@id = $id]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="c:drafts" mode="inline">
    <xsl:call-template name="drafts-list">
      <xsl:with-param name="drafts" select="/c:circular/c:annex/c:draft[@status = current()/@status]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "X.1062 (ex X.shcd), X.1238 (ex X.sgc-rcs) and X.1649 (ex X.sgmc)"; two items are
       joined by drafts-pair-separator ("X.1250 and X.1631", "X.1250和X.1631"). -->
  <xsl:template name="drafts-list">
    <xsl:param name="drafts"/>
    <xsl:for-each select="$drafts">
      <xsl:choose>
        <xsl:when test="position() = 1"/>
        <xsl:when test="last() = 2">
          <xsl:call-template name="str"><xsl:with-param name="key" select="'drafts-pair-separator'"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="position() = last()">
          <xsl:call-template name="str"><xsl:with-param name="key" select="'drafts-last-separator'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="str"><xsl:with-param name="key" select="'drafts-separator'"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="@former">
          <xsl:call-template name="str">
            <xsl:with-param name="key" select="'drafts-item'"/>
            <xsl:with-param name="args">
              <a n="number"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@number"/></xsl:call-template></a>
              <a n="former"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@former"/></xsl:call-template></a>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="identifier"><xsl:with-param name="v" select="@number"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The number of an annex: its position among the annexes. -->
  <xsl:template name="annex-number">
    <xsl:param name="annex" select="."/>
    <xsl:value-of select="count($annex/preceding-sibling::c:annex) + 1"/>
  </xsl:template>

  <!-- "Annex 2" -->
  <xsl:template name="annex-name">
    <xsl:param name="annex" select="."/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'annex-name'"/>
      <xsl:with-param name="args">
        <a n="n"><xsl:call-template name="annex-number"><xsl:with-param name="annex" select="$annex"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Annex 1 (to TSB Circular 50)" -->
  <xsl:template name="annex-heading">
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'annex-heading'"/>
      <xsl:with-param name="args">
        <a n="n"><xsl:call-template name="annex-number"/></a>
        <a n="number"><xsl:value-of select="$number"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A draft's heading: "Draft new Recommendation ITU-T X.1062 (ex X.shcd) [SG17-R6]" -->
  <xsl:template name="draft-heading">
    <xsl:call-template name="str">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="@status = 'revised'">draft-heading-revised</xsl:when>
          <xsl:when test="@former">draft-heading-new</xsl:when>
          <xsl:otherwise>draft-heading-new-unnamed</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="args">
        <a n="number"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@number"/></xsl:call-template></a>
        <a n="former"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@former"/></xsl:call-template></a>
        <a n="source"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@source"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A draft's row label in the reply form: "Draft new Recommendation X.1062 (ex X.shcd)" -->
  <xsl:template name="reply-row-label">
    <xsl:call-template name="str">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="@status = 'revised'">reply-row-revised</xsl:when>
          <xsl:when test="@former">reply-row-new</xsl:when>
          <xsl:otherwise>reply-row-new-unnamed</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="args">
        <a n="number"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@number"/></xsl:call-template></a>
        <a n="former"><xsl:call-template name="identifier"><xsl:with-param name="v" select="@former"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A string that takes the study group's number ("Authorizes Study Group 17 ..."). -->
  <xsl:template name="str-sg">
    <xsl:param name="key"/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="args"><a n="sg"><xsl:value-of select="/c:circular/@study-group"/></a></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A string that takes the circular's number. -->
  <xsl:template name="str-number">
    <xsl:param name="key"/>
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="args"><a n="number"><xsl:value-of select="$number"/></a></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Note number n: its position among the notes. -->
  <xsl:template name="note-label">
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'note-label'"/>
      <xsl:with-param name="args"><a n="n"><xsl:value-of select="count(preceding-sibling::c:note) + 1"/></a></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The document's keywords (PDF metadata, HTML meta): the Recommendations of its
       drafts annex, else those named in its subject ("ITU-T X.1062, ITU-T X.1238"). -->
  <xsl:template name="keywords">
    <xsl:variable name="drafts" select="/c:circular/c:annex/c:draft/@number"/>
    <xsl:for-each select="$drafts | /c:circular/c:subject//c:rec[not($drafts)]">
      <xsl:if test="position() > 1">, </xsl:if>
      <xsl:value-of select="concat('ITU-T ', .)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The date of issue with the place, in the language's order. -->
  <xsl:template name="place-date">
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'place-date'"/>
      <xsl:with-param name="args">
        <a n="place"><xsl:value-of select="/c:circular/c:place"/></a>
        <a n="date"><xsl:call-template name="format-date"><xsl:with-param name="iso" select="/c:circular/@date"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- Questions of a questionnaire: numbered in the order of their annex. -->
  <xsl:template name="question-number">
    <xsl:param name="q" select="."/>
    <xsl:value-of select="count($q/preceding-sibling::c:question) + 1"/>
  </xsl:template>

  <!-- "question 3" -->
  <xsl:template match="c:question-ref" mode="inline">
    <xsl:call-template name="str">
      <xsl:with-param name="key" select="'question-ref'"/>
      <xsl:with-param name="args">
        <a n="n"><xsl:call-template name="question-number"><xsl:with-param name="q" select="/c:circular/c:annex/c:question[@id = current()/@ref]"/></xsl:call-template></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The hint that says how a question is answered ("(tick one box)"), or nothing. -->
  <xsl:template name="question-hint">
    <xsl:if test="@type = 'choice' or @type = 'multiple'">
      <xsl:call-template name="str"><xsl:with-param name="key" select="concat('q-hint-', @type)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The heading of the respondent's block: the annex's respondent-label, else
       "Respondent" from the strings. -->
  <xsl:template name="questionnaire-respondent">
    <xsl:choose>
      <xsl:when test="c:respondent-label">
        <xsl:apply-templates select="c:respondent-label/node()" mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str"><xsl:with-param name="key" select="'q-respondent'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The respondent-label is set as the heading of the respondent's block, not where
       it is written. -->
  <xsl:template match="c:respondent-label" mode="block"/>

  <!-- "Please return the completed questionnaire to ... by ..." (or the reply-to's
       return-note, in its own words): the email is passed
       as $email (a link in each output). -->
  <xsl:template name="questionnaire-return">
    <xsl:param name="email"/>
    <xsl:choose>
      <xsl:when test="c:reply-to/c:return-note">
        <xsl:apply-templates select="c:reply-to/c:return-note/node()" mode="inline"/>
      </xsl:when>
      <xsl:when test="c:reply-to/c:deadline">
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'q-return'"/>
          <xsl:with-param name="args">
            <a n="email"><xsl:copy-of select="$email"/></a>
            <a n="deadline"><xsl:call-template name="format-deadline"><xsl:with-param name="at" select="c:reply-to/c:deadline/@at"/><xsl:with-param name="zone" select="c:reply-to/c:deadline/@zone"/></xsl:call-template></a>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="str">
          <xsl:with-param name="key" select="'q-return-undated'"/>
          <xsl:with-param name="args"><a n="email"><xsl:copy-of select="$email"/></a></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
